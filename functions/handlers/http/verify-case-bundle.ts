import { KmsBundleSigner } from '../../adapters/kms-bundle-signer';
import { input } from '../../contract/inputs/verify-case-bundle';
import { ENV, requireEnv } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { kms } from '../../shared/kms';
import { type CaseBundle, verifyBundle } from '../../use-cases/case-bundle';

const signer = new KmsBundleSigner(kms, requireEnv(ENV.bundleKeyId));

/** POST /v1/bundles/verify: is this bundle Aduan's, and is its record whole? (200 either way: the answer is the finding.) */
export const handler = httpRoute(input, async ({ body }) => json(200, verifyBundle(body.bundle as unknown as CaseBundle, await signer.publicKeyPem())));
