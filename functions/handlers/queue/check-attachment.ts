import type { SQSRecord } from 'aws-lambda';
import { attachmentCleaner } from '../../adapters/attachment-cleaner';
import { buildDeps } from '../../shared/deps';
import { ENV, optionalEnv } from '../../shared/env';
import { logger } from '../../shared/powertools';
import { attachmentStorage } from '../../shared/s3';
import { sqsHandler } from '../../shared/sqs';
import { checkUpload, recordScanResult } from '../../use-cases/attachments';

const deps = buildDeps([ENV.tableName, ENV.attachmentBucket]);
const storage = attachmentStorage();
const scansForMalware = optionalEnv(ENV.attachmentMalwareScan) === 'true';
const ports = { ...deps, storage };

/** What arrives on the upload queue: S3's notifications of new uploads, and GuardDuty's scan verdicts (via EventBridge). */
type UploadQueueBody =
  | { Records?: { eventName?: string; s3?: { object?: { key?: string } } }[]; Event?: string }
  | { source: 'aws.guardduty'; detail?: { s3ObjectDetails?: { objectKey?: string }; scanResultDetails?: { scanResultStatus?: string } } };

export const handler = sqsHandler(async (record: SQSRecord) => {
  const body = JSON.parse(record.body) as UploadQueueBody;
  if ('source' in body) {
    const key = body.detail?.s3ObjectDetails?.objectKey;
    if (key) await recordScanResult(ports, key, body.detail?.scanResultDetails?.scanResultStatus ?? 'UNKNOWN');
    return;
  }
  // s3:TestEvent (sent when the notification is configured) carries no records.
  for (const r of body.Records ?? []) {
    if (!r.eventName?.startsWith('ObjectCreated:') || !r.s3?.object?.key) continue;
    // S3 URL-encodes keys in notifications (a space arrives as '+').
    const key = decodeURIComponent(r.s3.object.key.replace(/\+/g, ' '));
    const outcome = await checkUpload({ ...ports, cleaner: attachmentCleaner, scansForMalware }, key);
    logger.info('attachment checked', { key, outcome });
  }
});
