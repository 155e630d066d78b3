import { CATALOGUES, type Language } from './languages';
import type { TimeZoneId } from './regions';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
export const ZONE_ABBREVIATION: Record<TimeZoneId, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** `2026-03-31` → `Selasa, 31 Maret 2026`. */
export function formatDateId(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function formatDeadlineId(date: string, timeZone: TimeZoneId): string {
  return `${formatDateId(date)} pukul 23.59 ${ZONE_ABBREVIATION[timeZone]}`;
}

/** A day as its reader writes dates: `Selasa, 31 Maret 2026`, or `Tuesday, 31 March 2026`. */
export function formatDateIn(language: Language, date: string): string {
  if (language === 'id') return formatDateId(date);
  return new Intl.DateTimeFormat(CATALOGUES[language].locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A deadline as its reader writes dates: `Selasa, 31 Maret 2026 pukul 23.59 WITA`, or `Tuesday, 31 March 2026 at 23:59 WITA`. */
export function formatDeadlineIn(language: Language, date: string, timeZone: TimeZoneId): string {
  if (language === 'id') return formatDeadlineId(date, timeZone);
  return `${formatDateIn(language, date)} at 23:59 ${ZONE_ABBREVIATION[timeZone]}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);

/** Removes control characters (line breaks aside) and bidi controls from user text in a plain-text mail. */
export const plainText = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');

/** A value shown on one labelled line: no line break can start a forged `Nama pelapor: …` line. */
export const oneLine = (s: string) => plainText(s).replace(/\s*[\r\n]+\s*/g, ' ');

/** A free text quoted line by line (`> `), so none of its lines can pass for one of ours. */
export const quoted = (s: string) =>
  plainText(s)
    .split(/\r\n?|\n/)
    .map((line) => `> ${line}`)
    .join('\n');
