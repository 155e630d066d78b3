import { actionInput as input } from '../../contract/inputs/staff';
import type { StaffChangedOutput } from '../../contract/outputs/staff';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { cognitoStaffAccounts } from '../../shared/cognito';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { sesMailer } from '../../shared/ses';
import { actOnStaff } from '../../use-cases/staff-accounts';

const deps = portsFor(NEEDS.StaffActions, { staffAccounts: cognitoStaffAccounts, mailer: sesMailer });

/** POST /v1/staff/{username}/actions: one change of one account, audited and mailed to its person. */
export const handler = httpRoute(input, async ({ path, body }, event) =>
  json(200, (await actOnStaff(deps, staffOf(event), path.username, body)) satisfies StaffChangedOutput, { 'cache-control': 'no-store' }),
);
