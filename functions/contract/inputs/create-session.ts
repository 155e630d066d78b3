import * as z from 'zod/mini';
import { defineInput } from '../route-input';

const username = z.string({ error: 'wajib diisi' }).check(z.trim(), z.minLength(1, 'wajib diisi'), z.maxLength(128, 'maksimal 128 karakter'));

/** The session a challenge step continues (Cognito's, opaque). */
const session = z.string({ error: 'wajib diisi' }).check(z.minLength(1, 'wajib diisi'), z.maxLength(4096, 'sesi tidak valid'));
/** A code from an authenticator app. */
const code = z.string({ error: 'kode 6 angka dari aplikasi autentikator' }).check(z.regex(/^\d{6}$/, 'kode 6 angka dari aplikasi autentikator'));

/** A password of one's own: the pool's policy (12+ characters, upper, lower, digit, symbol), said before Cognito is asked. */
const newPassword = z
  .string({ error: 'wajib diisi' })
  .check(
    z.minLength(12, 'minimal 12 karakter'),
    z.maxLength(256, 'maksimal 256 karakter'),
    z.regex(/[A-Z]/, 'perlu huruf besar'),
    z.regex(/[a-z]/, 'perlu huruf kecil'),
    z.regex(/[0-9]/, 'perlu angka'),
    z.regex(/[^A-Za-z0-9]/, 'perlu simbol'),
  );
/** The code Cognito mailed for a forgotten password. */
const mailedCode = z.string({ error: 'kode 6 angka dari email' }).check(z.regex(/^\d{6}$/, 'kode 6 angka dari email'));

/**
 * POST /v1/sessions: staff sign-in in steps — the password; a password of one's own after a
 * temporary one; an authenticator enrolled where the pool requires MFA; an authenticator code;
 * or, for a forgotten password, a mailed code and a new password.
 */
export const input = defineInput({
  body: z.discriminatedUnion(
    'step',
    [
      z.strictObject({
        step: z.literal('PASSWORD'),
        username,
        password: z.string({ error: 'wajib diisi' }).check(z.minLength(1, 'wajib diisi'), z.maxLength(256, 'maksimal 256 karakter')),
      }),
      z.strictObject({
        step: z.literal('MFA'),
        username,
        session,
        code,
      }),
      z.strictObject({
        // The first code of an authenticator being enrolled (the pool requires MFA).
        step: z.literal('MFA_SETUP'),
        username,
        session,
        code,
      }),
      z.strictObject({
        step: z.literal('NEW_PASSWORD'),
        username,
        session,
        // The pool's policy (12+ characters, upper, lower, digit, symbol) is said here, before Cognito is asked.
        newPassword,
      }),
      // A forgotten password: the code goes to the account's address; then the code and a new one.
      z.strictObject({ step: z.literal('FORGOT_PASSWORD'), username }),
      z.strictObject({ step: z.literal('RESET_PASSWORD'), username, code: mailedCode, newPassword }),
    ],
    { error: 'PASSWORD, MFA, MFA_SETUP, NEW_PASSWORD, FORGOT_PASSWORD atau RESET_PASSWORD' },
  ),
});
