import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { bearerToken, httpHandler, json } from '../../shared/http';
import { getComplaint } from '../../use-cases/get-complaint';

const deps = buildDeps([ENV.tableName]);

export const handler = httpHandler(async (event) => {
  const view = await getComplaint(deps, event.pathParameters?.trackingId ?? '', bearerToken(event));
  // The reporter's view carries identity: never let a shared cache keep it.
  return json(200, view, { vary: 'Authorization' });
});
