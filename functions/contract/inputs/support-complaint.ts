import * as z from 'zod/mini';
import { DEVICE_TOKEN } from '../../core/support';
import { complaintPath } from '../complaint-path';
import { defineInput } from '../route-input';

/** POST /v1/complaints/{trackingId}/support: "saya juga mengalami ini", no account. */
export const input = defineInput({
  path: complaintPath,
  headers: z.object({
    /** A random token the browser keeps (localStorage): one support per device and complaint. */
    'x-device-token': z
      .string({ error: 'wajib: token acak perangkat (22–64 karakter base64url)' })
      .check(z.regex(DEVICE_TOKEN, 'token acak perangkat, 22–64 karakter base64url')),
  }),
  body: z.optional(z.strictObject({})),
});
