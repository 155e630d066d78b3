import { inviteInput as input } from '../../contract/inputs/staff';
import type { StaffInvitedOutput } from '../../contract/outputs/staff';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { cognitoStaffAccounts } from '../../shared/cognito';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { sesMailer } from '../../shared/ses';
import { inviteStaff } from '../../use-cases/staff-accounts';

const deps = portsFor(NEEDS.InviteStaff, { staffAccounts: cognitoStaffAccounts, mailer: sesMailer });

/** POST /v1/staff: invites one person (the temporary password goes to them by mail, never in this answer). */
export const handler = httpRoute(input, async ({ body }, event) =>
  json(201, (await inviteStaff(deps, staffOf(event), body)) satisfies StaffInvitedOutput, { 'cache-control': 'no-store' }),
);
