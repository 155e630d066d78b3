import { complaintActionSchema } from '../../contract/complaint-action';
import { fieldErrorsOf } from '../../contract/problem';
import type { ActionInput } from '../../core/lifecycle';
import { callerOf, staffTokenVerifier } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { HttpProblem, httpHandler, json, readJsonBody } from '../../shared/http';
import { actOnComplaint } from '../../use-cases/act-on-complaint';

const deps = buildDeps([ENV.tableName, ENV.notificationQueueUrl, ENV.userPoolClientId, ENV.jwtIssuer]);
const verifyStaff = staffTokenVerifier();

export const handler = httpHandler(async (event) => {
  await deps.refreshCalendar();
  const caller = await callerOf(event, verifyStaff);
  const parsed = complaintActionSchema.safeParse(readJsonBody(event));
  if (!parsed.success) throw new HttpProblem(400, 'Periksa kembali isian aksi.', fieldErrorsOf(parsed.error));
  const view = await actOnComplaint(deps, event.pathParameters?.trackingId ?? '', caller, parsed.data as ActionInput);
  return json(200, view, { vary: 'Authorization' });
});
