/**
 * The translation files (issue 23): one per language under i18n/, each with every key of every
 * other, no empty text, the same `{placeholders}` in every language, and a locale Intl knows. A
 * key in one language only fails here (the Indonesian file is also checked by the compiler
 * against the codes each label table covers, in functions/core/labels.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES, message } from '../../functions/core/labels';

const DIR = path.resolve(import.meta.dirname, '../../i18n');
type Tree = { [key: string]: string | Tree };

/** Every `a.b.c` key of a file with its text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
/** `{name}` and `{name:table}` (a code read in a table of labels). */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+(?::\w+)?)\}/g)].map((m) => m[1]).sort();

describe('the translation files', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
  const byLanguage = new Map(files.map((f) => [f.replace(/\.json$/, ''), leaves(JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as Tree)]));
  const indonesian = byLanguage.get('id') as Map<string, string>;

  it('are the languages the system speaks: a file is a language, and each is offered', () => {
    expect([...byLanguage.keys()].sort()).toEqual([...LANGUAGES].sort());
    for (const l of LANGUAGES) expect(() => new Intl.DateTimeFormat(CATALOGUES[l].locale)).not.toThrow();
  });

  it('hold every key in every language, none empty, with the same placeholders', () => {
    expect(indonesian.size).toBeGreaterThan(400);
    for (const [language, texts] of byLanguage) {
      const missing = [...indonesian.keys()].filter((k) => !texts.has(k));
      const extra = [...texts.keys()].filter((k) => !indonesian.has(k));
      expect({ language, missing, extra }).toEqual({ language, missing: [], extra: [] });
      const empty = [...texts].filter(([, v]) => !v.trim()).map(([k]) => k);
      expect({ language, empty }).toEqual({ language, empty: [] });
      const differing = [...texts].filter(([k, v]) => placeholders(v).join() !== placeholders(indonesian.get(k) ?? '').join()).map(([k]) => k);
      expect({ language, differing }).toEqual({ language, differing: [] });
    }
  });

  it('say different things in different languages (a copied Indonesian text is not a translation)', () => {
    const english = byLanguage.get('en') as Map<string, string>;
    // Names, codes and citations read the same in both.
    const same = [...english].filter(([k, v]) => v === indonesian.get(k) && /[a-z]{4,} [a-z]{4,}/.test(v)).map(([k]) => k);
    expect(same).toEqual([]);
  });

  it('read a code inside a sentence from a table of labels that has it, in each language', () => {
    const tables = CATALOGUES.id.labels as Record<string, Record<string, string>>;
    const unknown = [...indonesian].flatMap(([k, v]) => [...v.matchAll(/\{\w+:(\w+)\}/g)].filter((m) => !tables[m[1] as string]).map(() => k));
    expect(unknown).toEqual([]);
    expect(message('en', 'record', 'archived', { reason: 'DUPLICATE' })).toBe(
      `The report was archived. Reason: ${CATALOGUES.en.labels.archiveReason.DUPLICATE}.`,
    );
    expect(message('id', 'record', 'flagged', { office: 'Ombudsman RI Perwakilan Bali', reason: 'REPORTER_REQUEST' })).toBe(
      'Laporan diteruskan untuk peninjauan Ombudsman RI Perwakilan Bali: pelapor meminta peninjauan Ombudsman.',
    );
  });
});
