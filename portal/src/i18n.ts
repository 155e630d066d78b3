/**
 * The portal's language: the person's choice (kept in this browser), else the browser's own
 * preference when the system speaks it, else Indonesian. Every text comes from the translation
 * files (i18n/<language>.json, read through functions/core/labels.ts, which lists them); `<html
 * lang>` follows, and dates and rupiah are written by the language's rules (Intl).
 */

import { CATALOGUES, isMessageKey, LANGUAGES, type MessageKey as LabelsMessageKey, type Language, message, textIn } from '../../functions/core/labels';
import * as en from '../../i18n/en.json';
import * as id from '../../i18n/id.json';

const KEY = 'aduan.language';

function chosen(): Language {
  const isLanguage = (l: string | null | undefined): l is Language => Boolean(l && (LANGUAGES as string[]).includes(l));
  try {
    const kept = localStorage.getItem(KEY);
    if (isLanguage(kept)) return kept;
  } catch {
    // Storage refused (private mode): the browser's preference decides.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'id';
}

/** The language of this page load (a change reloads the page, so every text is drawn in one language). */
export const LANGUAGE: Language = chosen();
const catalogue = CATALOGUES[LANGUAGE];
/** The BCP 47 tag dates and numbers are written with. */
export const LOCALE: string = catalogue.locale;
document.documentElement.lang = LANGUAGE;

/** Keeps the person's choice and draws the page again in it. */
export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Without storage the choice lasts this page only.
  }
  location.reload();
}

/** Each language's own name, to offer it in itself ("English", "Bahasa Indonesia"). */
export const LANGUAGE_NAMES: Record<Language, string> = Object.fromEntries(LANGUAGES.map((l) => [l, CATALOGUES[l].language])) as Record<Language, string>;

export type MessageKey = LabelsMessageKey<'portal'>;

/** The portal's own part of each translation file (the API's parts are in functions/core/languages.ts); a language added there is added here. */
const PORTAL_TEXTS: Record<Language, typeof id.portal> = { id: id.portal, en: en.portal };

/** The text of `key` in the page's language, with `{name}` replaced by `params.name`. */
export const t = (key: MessageKey, params: Record<string, string | number> = {}): string => textIn((l) => PORTAL_TEXTS[l], LANGUAGE, key, params);

/** A sentence the API sends as a key of the translation files and its parameters. */
export type KeyedText = { key: string; params?: Record<string, string | number> } | undefined;

/**
 * A sentence the system wrote on a complaint's record (timeline, indicators, advice), in the
 * page's language; undefined when this portal does not know its key, and the record's Indonesian
 * sentence is shown instead.
 */
export const recordSentence = (text: KeyedText): string | undefined =>
  text && isMessageKey('record', text.key) ? message(LANGUAGE, 'record', text.key, text.params) : undefined;

/** Why the API refused a request (a problem's `text`), in the page's language; undefined for a key this portal does not know. */
export const problemSentence = (text: KeyedText): string | undefined =>
  text && isMessageKey('problem', text.key) ? message(LANGUAGE, 'problem', text.key, text.params) : undefined;

const RUPIAH = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
/** 50000 → "Rp 50.000" (Indonesian) or "IDR 50,000" (English). */
export const formatRupiah = (amount: number) => RUPIAH.format(amount);
