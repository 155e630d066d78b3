import { input } from '../../contract/inputs/download-attachment';
import { NEEDS } from '../../needs';
import { callerOf, staffTokenVerifier } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { attachmentStorage } from '../../shared/s3';
import { downloadAttachment } from '../../use-cases/attachments';

const deps = portsFor(NEEDS.DownloadAttachment, {});
const storage = attachmentStorage();
const verifyStaff = staffTokenVerifier();

/** GET /v1/complaints/{trackingId}/attachments/{attachmentId}: a short-lived download link (staff downloads audited). */
export const handler = httpRoute(input, async ({ path, query }, event) => {
  const caller = await callerOf(event, verifyStaff);
  const link = await downloadAttachment({ ...deps, storage }, path.trackingId, path.attachmentId, caller, query.variant === 'PREVIEW' ? 'preview' : 'file');
  return json(200, link, { vary: 'Authorization', 'cache-control': 'no-store' });
});
