import { input } from '../../contract/inputs/issue-client-key';
import type { ClientKeyOutput } from '../../contract/outputs/system';
import { DomainError } from '../../core/errors';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { issueClientKey } from '../../use-cases/open311';

const deps = portsFor(NEEDS.IssueClientKey, {});

/** POST /v1/open311-keys (operators): a client application's api_key, shown once, stored only as a hash. */
export const handler = httpRoute(input, async ({ body }, event) => {
  const who = staffOf(event);
  if (!who.roles.includes('OPERATOR')) throw new DomainError('FORBIDDEN', 'Hanya operator yang dapat menerbitkan kunci aplikasi.');
  return json(201, { name: body.name, ...(await issueClientKey(deps, body.name, who.username)) } satisfies ClientKeyOutput, { 'cache-control': 'no-store' });
});
