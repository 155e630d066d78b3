import { KmsBundleSigner } from '../../adapters/kms-bundle-signer';
import { buildDeps } from '../../shared/deps';
import { ENV, requireEnv } from '../../shared/env';
import { kms } from '../../shared/kms';
import { scheduleHandler } from '../../shared/schedule';
import { publishChainHeads } from '../../use-cases/chain-heads';

const deps = buildDeps([ENV.tableName, ENV.bundleKeyId]);
const signer = new KmsBundleSigner(kms, requireEnv(ENV.bundleKeyId));

/** Daily: the signed digest of the chain heads of every complaint whose timeline moved the day before. */
export const handler = scheduleHandler(
  'chain heads',
  () => publishChainHeads({ ...deps, signer }),
  (r) => ({ ChainHeadDaysPublished: r.published, ChainHeadsPublished: r.heads }),
);
