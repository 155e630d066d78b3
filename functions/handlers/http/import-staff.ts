import { importInput as input } from '../../contract/inputs/staff';
import type { StaffImportOutput } from '../../contract/outputs/staff';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { cognitoStaffAccounts } from '../../shared/cognito';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { sesMailer } from '../../shared/ses';
import { importStaff } from '../../use-cases/staff-import';

const deps = portsFor(NEEDS.ImportStaff, { staffAccounts: cognitoStaffAccounts, mailer: sesMailer });

/** POST /v1/staff/imports: the spreadsheet's people invited, all rows or none. */
export const handler = httpRoute(input, async ({ body }, event) => json(201, (await importStaff(deps, staffOf(event), body.csv)) satisfies StaffImportOutput));
