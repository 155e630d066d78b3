import * as z from 'zod/mini';

// C0/C1 control characters, and the Unicode bidi controls that reorder what a reader sees
// (Trojan Source, CVE-2021-42574): a title or a name carrying them could forge a line of an
// agency's email or disguise itself on a page.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const lengthChecks = (max: number, min: number, tooShort = min > 1 ? `minimal ${min} karakter` : 'tidak boleh kosong') =>
  [z.minLength(min, tooShort), z.maxLength(max, `maksimal ${max} karakter`)] as const;

/** A one-line text field (title, name, address…): no line breaks, control or bidi characters. */
export const singleLine = (max: number, min = 1) =>
  z.string({ error: 'wajib diisi (teks)' }).check(
    z.trim(),
    ...lengthChecks(max, min),
    z.refine((s) => !CONTROL.test(s), 'tidak boleh berisi baris baru atau karakter kendali'),
    z.refine((s) => !BIDI.test(s), 'tidak boleh berisi karakter pengubah arah teks'),
  );

/** A free text (story, message): line breaks allowed (CRLF becomes LF), other control and bidi characters not. */
export const multiLine = (max: number, min = 1, tooShort?: string) =>
  z.string({ error: 'wajib diisi (teks)' }).check(
    z.overwrite((s) => s.replace(/\r\n?/g, '\n').trim()),
    ...lengthChecks(max, min, tooShort),
    z.refine((s) => !CONTROL_EXCEPT_NEWLINE.test(s), 'tidak boleh berisi karakter kendali'),
    z.refine((s) => !BIDI.test(s), 'tidak boleh berisi karakter pengubah arah teks'),
  );

/** An identifier from our own directories (agency, category): short, plain ASCII. */
export const identifier = (error = 'wajib diisi') =>
  z.string({ error }).check(z.minLength(1, error), z.maxLength(64, 'maksimal 64 karakter'), z.regex(/^[A-Za-z0-9._-]+$/, 'pengenal tidak valid'));

/** An email address (where a mail will be sent, so it must be one). */
export const emailAddress = () => z.email('alamat email tidak valid').check(z.maxLength(254, 'maksimal 254 karakter'));
