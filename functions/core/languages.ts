/**
 * The languages the system speaks, one translation file each (i18n/<language>.json): its name,
 * its locale, the words for the API's codes ("labels", read by labels.ts), the portal's texts
 * ("portal") and the reporter's mails ("mail"). Adding a language (a regional one) is its file
 * and its line in CATALOGUES. Pure data and one pure function: the portal bundles it as it is.
 */
import en from '../../i18n/en.json';
import id from '../../i18n/id.json';

/** Every language by its translation file. Adding one (a regional language) is its file and its line here. */
export const CATALOGUES = { id, en } as const;
export type Language = keyof typeof CATALOGUES;
export const LANGUAGES = Object.keys(CATALOGUES) as Language[];
export type Label = Record<Language, string>;

/** The parts of the files written as sentences rather than tables of codes. */
type Section = 'portal' | 'mail';
/** `a.b.c` for every text under a part of the files. */
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey<S extends Section> = Paths<(typeof id)[S]>;

/**
 * The text of `key` in a language, with `{name}` replaced by `params.name`. A key the language
 * lacks falls back to Indonesian (test/unit/i18n.test.ts fails first).
 */
export function message<S extends Section>(language: Language, section: S, key: MessageKey<S>, params: Record<string, string | number> = {}): string {
  const find = (root: unknown) =>
    String(key)
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], root);
  const text = find(CATALOGUES[language][section]) ?? find(CATALOGUES.id[section]);
  return String(text ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
