import * as z from 'zod/mini';
import { agencyContactChangeSchema } from '../agency-contact';
import { defineInput } from '../route-input';

const path = z.strictObject({ agencyId: z.string().check(z.regex(/^[a-z0-9.-]{1,64}$/, 'kode instansi tidak valid')) });

/** GET /v1/agencies/{agencyId}/contact */
export const readInput = defineInput({ path, query: z.strictObject({}) });
/** POST /v1/agencies/{agencyId}/contact */
export const updateInput = defineInput({ path, body: agencyContactChangeSchema });
