import { KmsBundleSigner } from '../../adapters/kms-bundle-signer';
import { input } from '../../contract/inputs/export-case-bundle';
import { NEEDS } from '../../needs';
import { callerOf, staffTokenVerifier } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { ENV, requireEnv } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { kms } from '../../shared/kms';
import { exportBundle } from '../../use-cases/case-bundle';

const deps = portsFor(NEEDS.ExportCaseBundle, {});
const signer = new KmsBundleSigner(kms, requireEnv(ENV.bundleKeyId));
const verifyStaff = staffTokenVerifier();

/** GET /v1/complaints/{trackingId}/bundle: the signed case bundle (Ombudsman reviewing it, or its reporter). */
export const handler = httpRoute(input, async ({ path }, event) => {
  const bundle = await exportBundle({ store: deps.store, clock: deps.clock, signer }, path.trackingId, await callerOf(event, verifyStaff));
  return json(200, bundle, { 'content-disposition': `attachment; filename="aduan-${bundle.complaint.trackingId}.json"`, vary: 'Authorization' });
});
