import { listInput as input } from '../../contract/inputs/staff';
import type { StaffListOutput } from '../../contract/outputs/staff';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { cognitoStaffAccounts } from '../../shared/cognito';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { hmacKeys } from '../../shared/secrets';
import { listStaff } from '../../use-cases/staff-accounts';

const deps = portsFor(NEEDS.ListStaff, { staffAccounts: cognitoStaffAccounts, keys: await hmacKeys() });

/** GET /v1/staff: accounts by agency, group and status (operators; an agency's administrator, its own). */
export const handler = httpRoute(input, async ({ query }, event) =>
  json(200, (await listStaff(deps, staffOf(event), query)) satisfies StaffListOutput, { 'cache-control': 'no-store' }),
);
