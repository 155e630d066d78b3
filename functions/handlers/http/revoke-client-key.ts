import { input } from '../../contract/inputs/revoke-client-key';
import { DomainError } from '../../core/errors';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { revokeClientKey } from '../../use-cases/open311';

const deps = portsFor(NEEDS.RevokeClientKey, {});

/** POST /v1/open311-keys/revocations (operators): a client application's key stops opening anything. */
export const handler = httpRoute(input, async ({ body }, event) => {
  const who = staffOf(event);
  if (!who.roles.includes('OPERATOR')) throw new DomainError('FORBIDDEN', 'Hanya operator yang dapat mencabut kunci aplikasi.');
  return json(200, await revokeClientKey(deps, body, who.username), { 'cache-control': 'no-store' });
});
