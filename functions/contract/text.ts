import { z } from 'zod';

// C0/C1 control characters, and the Unicode bidi controls that reorder what a reader sees
// (Trojan Source, CVE-2021-42574): a title or a name carrying them could forge a line of an
// agency's email or disguise itself on a page.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** A one-line text field (title, name, address…): no line breaks, control or bidi characters. */
export const singleLine = (max: number, min = 1) =>
  z
    .string({ error: 'wajib diisi (teks)' })
    .trim()
    .min(min, min > 1 ? `minimal ${min} karakter` : 'tidak boleh kosong')
    .max(max, `maksimal ${max} karakter`)
    .refine((s) => !CONTROL.test(s), 'tidak boleh berisi baris baru atau karakter kendali')
    .refine((s) => !BIDI.test(s), 'tidak boleh berisi karakter pengubah arah teks');

/** A free text (story, message): line breaks allowed (CRLF becomes LF), other control and bidi characters not. */
export const multiLine = (max: number, min = 1, tooShort = min > 1 ? `minimal ${min} karakter` : 'tidak boleh kosong') =>
  z
    .string({ error: 'wajib diisi (teks)' })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(min, tooShort)
        .max(max, `maksimal ${max} karakter`)
        .refine((s) => !CONTROL_EXCEPT_NEWLINE.test(s), 'tidak boleh berisi karakter kendali')
        .refine((s) => !BIDI.test(s), 'tidak boleh berisi karakter pengubah arah teks'),
    );

/** An identifier from our own directories (agency, category): short, plain ASCII. */
export const identifier = (error = 'wajib diisi') =>
  z
    .string({ error })
    .max(64, 'maksimal 64 karakter')
    .regex(/^[A-Za-z0-9._-]+$/, 'pengenal tidak valid');
