import { input } from '../../contract/inputs/request-attachment-upload';
import { NEEDS } from '../../needs';
import { callerOf, staffTokenVerifier } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { attachmentStorage } from '../../shared/s3';
import { requestUpload } from '../../use-cases/attachments';

const deps = portsFor(NEEDS.RequestAttachmentUpload, {});
const storage = attachmentStorage();
const verifyStaff = staffTokenVerifier();

/** POST /v1/complaints/{trackingId}/attachments: a PENDING attachment and the presigned upload for its bytes. */
export const handler = httpRoute(input, async ({ path, body }, event) => {
  const created = await requestUpload({ ...deps, storage }, path.trackingId, await callerOf(event, verifyStaff), body);
  return json(201, created, { vary: 'Authorization', 'cache-control': 'no-store' });
});
