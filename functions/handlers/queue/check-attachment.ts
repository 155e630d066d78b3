import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSRecord } from 'aws-lambda';
import { attachmentCleaner } from '../../adapters/attachment-cleaner';
import type { QueueMessage } from '../../core/ports';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { ENV, optionalEnv } from '../../shared/env';
import { logger, metrics } from '../../shared/powertools';
import { attachmentStorage } from '../../shared/s3';
import { sqsHandler } from '../../shared/sqs';
import { checkUpload, eraseAttachmentFiles, recordScanResult } from '../../use-cases/attachments';

const deps = portsFor(NEEDS.CheckAttachment, {});
const storage = attachmentStorage();
const scansForMalware = optionalEnv(ENV.attachmentMalwareScan) === 'true';
const ports = { ...deps, storage };

/**
 * What arrives on the upload queue: S3's notifications of new uploads, GuardDuty's scan verdicts
 * (via EventBridge), and erasures of a reporter's files (from the outbox).
 */
type UploadQueueBody =
  | Extract<QueueMessage, { kind: 'ERASE_ATTACHMENTS' }>
  | { Records?: { eventName?: string; s3?: { object?: { key?: string } } }[]; Event?: string }
  | {
      source: 'aws.guardduty';
      detail?: { s3ObjectDetails?: { objectKey?: string; versionId?: string }; scanResultDetails?: { scanResultStatus?: string } };
    };

export const handler = sqsHandler(async (record: SQSRecord) => {
  const body = JSON.parse(record.body) as UploadQueueBody;
  if ('kind' in body) {
    if (body.kind === 'ERASE_ATTACHMENTS') await eraseAttachmentFiles(ports, body.trackingId, body.attachmentIds);
    return;
  }
  if ('source' in body) {
    const key = body.detail?.s3ObjectDetails?.objectKey;
    if (!key) return;
    const verdict = body.detail?.scanResultDetails?.scanResultStatus ?? 'UNKNOWN';
    if ((await recordScanResult(ports, key, verdict, body.detail?.s3ObjectDetails?.versionId)) === 'SCANNING') {
      // A scan without a verdict (failed, access denied, unsupported) leaves the file unavailable: an operator is told.
      metrics.addMetric('MalwareScansWithoutVerdict', MetricUnit.Count, 1);
      metrics.publishStoredMetrics();
    }
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
