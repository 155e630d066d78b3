import * as z from 'zod/mini';
import { LANGUAGES } from '../../core/languages';
import { STAFF_GROUPS } from '../../core/staff';

/** The signed-in officer as the API sees them: their roles and the agency or province they act for. */
export const staffPrincipal = z.object({
  kind: z.literal('STAFF'),
  username: z.string(),
  roles: z.array(z.enum(Object.keys(STAFF_GROUPS) as [keyof typeof STAFF_GROUPS])),
  agencyId: z.optional(z.string()),
  /** The agency's name, for the portal to greet the officer by it (the id is a code). */
  agencyName: z.optional(z.string()),
  provinceCode: z.optional(z.string()),
  /** The language the person chose for the portal (their profile): the portal opens in it. */
  language: z.optional(z.enum(LANGUAGES)),
});

/** POST /v1/sessions: the next step of a sign-in (an authenticator code, a new password), or the session itself. */
export const sessionOutput = z.union([
  z.object({ next: z.enum(['MFA', 'NEW_PASSWORD']), session: z.string() }),
  /** A forgotten password: the code is on its way to the account's address (said the same for any username). */
  z.object({ next: z.literal('RESET_PASSWORD') }),
  /** Enrol an authenticator: the key to type, or the otpauth:// link an authenticator app opens; then its first code. */
  z.object({ next: z.literal('MFA_SETUP'), session: z.string(), secret: z.string(), otpauthUri: z.string() }),
  z.object({ idToken: z.string(), expiresIn: z.number(), staff: staffPrincipal }),
]);
export type SessionOutput = z.infer<typeof sessionOutput>;
