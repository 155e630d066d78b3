/**
 * The languages the system speaks, one translation file each (i18n/<language>.json): its name,
 * its locale, the words for the API's codes ("labels", read by labels.ts), the mails ("mail"),
 * the sentences of a complaint's record ("record"), the API's refusals ("problem"), Open311's
 * texts ("open311") and the portal's own texts ("portal", read by portal/src/i18n.ts). Adding a
 * language (a regional one) is its file, its line in CATALOGUES and its line in the portal's
 * PORTAL_TEXTS. Pure data and pure functions: the portal bundles it as it is.
 */
import * as en from '../../i18n/en.json';
import * as id from '../../i18n/id.json';

/**
 * Every language by its translation file, part by part. The parts are named one by one, not the
 * file whole, so a bundle keeps only what it reads: no function carries the portal's texts (half
 * of each file), which the portal reads apart (portal/src/i18n.ts).
 */
export const CATALOGUES = {
  id: { language: id.language, locale: id.locale, labels: id.labels, mail: id.mail, record: id.record, problem: id.problem, open311: id.open311 },
  en: { language: en.language, locale: en.locale, labels: en.labels, mail: en.mail, record: en.record, problem: en.problem, open311: en.open311 },
} as const;
export type Language = keyof typeof CATALOGUES;
export const LANGUAGES = Object.keys(CATALOGUES) as Language[];
export type Label = Record<Language, string>;

/** The parts of the files written as sentences rather than tables of codes (the portal's own part is read by the portal alone). */
type Section = 'mail' | 'record' | 'problem' | 'open311';
/** `a.b.c` for every text under a part of the files. */
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey<S extends Section | 'portal'> = Paths<(typeof id)[S]>;

type Params = Record<string, string | number>;
const find = (root: unknown, path: string) => path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], root);

/**
 * The text of `key` in a language, with `{name}` replaced by `params.name`, and `{name:table}` by
 * the words for the code `params.name` in that table of "labels" (so a reason stored as a code
 * reads in each language). A key the language lacks falls back to Indonesian
 * (test/unit/i18n.test.ts fails first).
 */
export function message<S extends Section>(language: Language, section: S, key: MessageKey<S>, params: Params = {}): string {
  return textIn((l) => CATALOGUES[l][section], language, key, params);
}

/** The text at `key` of one part of the files (`part` gives it per language), filled as `message` fills it. */
export function textIn(part: (language: Language) => unknown, language: Language, key: string, params: Params = {}): string {
  const text = find(part(language), key) ?? find(part('id'), key);
  return String(text ?? key).replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, table?: string) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    return table ? String(find(CATALOGUES[language].labels, `${table}.${value}`) ?? find(CATALOGUES.id.labels, `${table}.${value}`) ?? value) : value;
  });
}

/**
 * Data written in Indonesian with an English text where its author gave one (a category, a
 * service, a standard's part): the English for an English reader when given, else the Indonesian.
 */
export const givenIn = <T>(language: Language, indonesian: T, english: T | undefined): T => (language === 'en' && english ? english : indonesian);

/** Whether `key` names a text of that part of the files (a newer server may send one an older portal lacks). */
export const isMessageKey = <S extends Section>(section: S, key: string): key is MessageKey<S> => typeof find(CATALOGUES.id[section], key) === 'string';

/**
 * A sentence the system writes on a complaint's record (its timeline, its indicators), kept as its
 * key in the files' "record" part and its parameters, so each reader gets it in their language;
 * the Indonesian sentence is stored beside it, as the record has always read. Parameters are
 * names, numbers, dates, codes and a person's own words: never translated.
 */
export interface RecordText {
  key: MessageKey<'record'>;
  params?: Params;
}

export const recordText = (key: MessageKey<'record'>, params?: Params): RecordText => (params ? { key, params } : { key });

/** A sentence the system writes (a timeline entry, a piece of advice): its Indonesian `message`, as the record reads, and its `text` to translate. */
export const systemSentence = (key: MessageKey<'record'>, params?: Params): { message: string; text: RecordText } => ({
  message: message('id', 'record', key, params),
  text: recordText(key, params),
});
