import { KmsBundleSigner } from '../../adapters/kms-bundle-signer';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { ENV, requireEnv } from '../../shared/env';
import { kms } from '../../shared/kms';
import { scheduleHandler } from '../../shared/schedule';
import { publishChainHeads } from '../../use-cases/chain-heads';

const deps = portsFor(NEEDS.PublishChainHeads, {});
const signer = new KmsBundleSigner(kms, requireEnv(ENV.bundleKeyId));

/** Daily: the signed digest of the chain heads of every complaint whose timeline moved the day before. */
export const handler = scheduleHandler(
  'chain heads',
  () => publishChainHeads({ ...deps, signer }),
  (r) => ({ ChainHeadDaysPublished: r.published, ChainHeadsPublished: r.heads }),
);
