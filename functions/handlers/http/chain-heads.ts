import { input } from '../../contract/inputs/chain-heads';
import { NEEDS } from '../../needs';
import { callerOf, staffTokenVerifier } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { readChainHeads } from '../../use-cases/chain-heads';

const deps = portsFor(NEEDS.ChainHeads, {});
const verifyStaff = staffTokenVerifier();

/** GET /v1/chain-heads/{day}: the day's signed digest of chain heads (with the heads, for the Ombudsman and operators). */
export const handler = httpRoute(input, async ({ path }, event) =>
  json(200, await readChainHeads(deps, path.day, await callerOf(event, verifyStaff)), { vary: 'Authorization' }),
);
