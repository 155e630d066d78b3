import { input } from '../../contract/inputs/chain-heads';
import { callerOf, staffTokenVerifier } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { readChainHeads } from '../../use-cases/chain-heads';

const deps = buildDeps([ENV.tableName, ENV.userPoolClientId, ENV.jwtIssuer]);
const verifyStaff = staffTokenVerifier();

/** GET /v1/chain-heads/{day}: the day's signed digest of chain heads (with the heads, for the Ombudsman and operators). */
export const handler = httpRoute(input, async ({ path }, event) =>
  json(200, await readChainHeads(deps, path.day, await callerOf(event, verifyStaff)), { vary: 'Authorization' }),
);
