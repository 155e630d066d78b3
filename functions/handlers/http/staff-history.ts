import { historyInput as input } from '../../contract/inputs/staff';
import type { StaffHistoryOutput } from '../../contract/outputs/staff';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { cognitoStaffAccounts } from '../../shared/cognito';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { staffHistory } from '../../use-cases/staff-accounts';

const deps = portsFor(NEEDS.StaffHistory, { staffAccounts: cognitoStaffAccounts });

/** GET /v1/staff/{username}/history: every change of an account, who and when. */
export const handler = httpRoute(input, async ({ path }, event) =>
  json(200, (await staffHistory(deps, staffOf(event), path.username)) satisfies StaffHistoryOutput),
);
