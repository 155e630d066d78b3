import { KmsBundleSigner } from '../../adapters/kms-bundle-signer';
import { input } from '../../contract/inputs/bundle-public-key';
import type { BundlePublicKeyOutput } from '../../contract/outputs/evidence';
import { ENV, requireEnv } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { kms } from '../../shared/kms';

const signer = new KmsBundleSigner(kms, requireEnv(ENV.bundleKeyId));

/** GET /v1/bundles/public-key: the key that verifies case bundles offline (npm run -s verify-bundle). */
export const handler = httpRoute(input, async () =>
  json(200, { algorithm: 'ECDSA_P256_SHA256', publicKeyPem: await signer.publicKeyPem() } satisfies BundlePublicKeyOutput, {
    'cache-control': 'public, max-age=3600',
  }),
);
