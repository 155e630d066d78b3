import { callerOf, staffTokenVerifier } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpHandler, json } from '../../shared/http';
import { getComplaint } from '../../use-cases/get-complaint';

const deps = buildDeps([ENV.tableName, ENV.userPoolClientId, ENV.jwtIssuer]);
const verifyStaff = staffTokenVerifier();

export const handler = httpHandler(async (event) => {
  await deps.refreshCalendar();
  const view = await getComplaint(deps, event.pathParameters?.trackingId ?? '', await callerOf(event, verifyStaff));
  // Reporter and staff views carry identities: never let a shared cache keep them.
  return json(200, view, { vary: 'Authorization' });
});
