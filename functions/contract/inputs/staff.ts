import * as z from 'zod/mini';
import { ACCOUNT_STATUSES, STAFF_GROUP_NAMES } from '../../core/staff-accounts';
import { cursorParam, defineInput, intParam } from '../route-input';
import { invitationSchema, staffActionSchema, staffUsername } from '../staff-account';

const path = z.strictObject({ username: staffUsername });

/** GET /v1/staff */
export const listInput = defineInput({
  query: z.strictObject({
    agencyId: z.optional(z.string().check(z.regex(/^[a-z0-9.-]{1,64}$/, 'kode instansi tidak valid'))),
    group: z.optional(z.enum(STAFF_GROUP_NAMES, { error: `salah satu dari ${STAFF_GROUP_NAMES.join(', ')}` })),
    status: z.optional(z.enum(ACCOUNT_STATUSES, { error: `salah satu dari ${ACCOUNT_STATUSES.join(', ')}` })),
    limit: z._default(intParam(1, 100), 25),
    cursor: z.optional(cursorParam),
  }),
});
/** POST /v1/staff */
export const inviteInput = defineInput({ body: invitationSchema });
/** POST /v1/staff/{username}/actions */
export const actionInput = defineInput({ path, body: staffActionSchema });
/** GET /v1/staff/{username}/history */
export const historyInput = defineInput({ path, query: z.strictObject({}) });
/** POST /v1/staff/imports: `{ "csv": "name,email,group,agencyId,provinceCode[,username]\n…" }` */
export const importInput = defineInput({
  body: z.strictObject({
    csv: z
      .string({ error: 'isi berkas CSV sebagai teks' })
      .check(z.minLength(1, 'isi berkas CSV sebagai teks'), z.maxLength(100_000, 'maksimal 100.000 karakter')),
  }),
});
