import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { scheduleHandler } from '../../shared/schedule';
import { eraseExpiredIdentities } from '../../use-cases/personal-data';

const deps = portsFor(NEEDS.EraseExpiredIdentities, {});

/** Daily: erases reporters' identities and contacts whose retention period after closure has ended. */
export const handler = scheduleHandler(
  'retention erasure',
  () => eraseExpiredIdentities(deps, { limit: 1_000 }),
  (r) => ({ IdentitiesErased: r.erased, IdentityErasuresFailed: r.failed }),
);
