/**
 * The house's shape, held in `npm test` (issue 19): no import cycle anywhere in functions/, no
 * source or test file over 400 lines, and the functions never reach into lib/ (the CDK side) — the
 * contract they publish (OpenAPI included) comes from functions/contract/ alone; the portal takes only
 * types from functions/ (a lint rule in lint/, proven to fire here).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const MAX_LINES = 400;

function filesUnder(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...filesUnder(rel, exts));
    else if (exts.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** The modules a file imports by relative path (type-only imports included: they tie modules as much). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gms)].map((m) => m[1] as string);
  return specs.map((s) => path.join(path.dirname(file), `${s}.ts`));
}

describe('the structure of the code', () => {
  it('has no import cycle in functions/', () => {
    const files = filesUnder('functions', ['.ts']);
    const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => files.includes(i))]));
    const cycles: string[][] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file]);
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) walk(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const f of files) walk(f, []);
    expect(cycles.map((c) => c.join(' → '))).toEqual([]);
    // The graph was read: the handlers import the use cases.
    expect([...graph.values()].flat().length).toBeGreaterThan(200);
  });

  it(`keeps every source file at ${MAX_LINES} lines or fewer`, () => {
    const sources = ['functions', 'lib', 'local', 'portal', 'scripts', 'bench', 'test'].flatMap((d) => filesUnder(d, ['.ts', '.tsx', '.mjs']));
    expect(sources.length).toBeGreaterThan(150);
    const long = sources.map((f) => [f, readFileSync(path.join(root, f), 'utf8').split('\n').length] as const).filter(([, n]) => n > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('never imports lib/ from functions/', () => {
    const reaching = filesUnder('functions', ['.ts']).filter((f) => importsOf(f).some((i) => i.startsWith('lib/')));
    expect(reaching).toEqual([]);
  });

  it('lets the portal import from functions/ only types and the shared labels: a lint rule, and it fires', () => {
    // The rule lives in lint/ (a Biome plugin run by `biome check` before the tests). Run it on a
    // probe outside the tree, so the proof does not depend on today's portal being clean.
    const probe = mkdtempSync(path.join(tmpdir(), 'portal-lint-'));
    cpSync(path.join(root, 'biome.json'), path.join(probe, 'biome.json'));
    cpSync(path.join(root, 'lint'), path.join(probe, 'lint'), { recursive: true });
    mkdirSync(path.join(probe, 'portal', 'src'), { recursive: true });
    writeFileSync(
      path.join(probe, 'portal', 'src', 'probe.ts'),
      [
        "import { inbox } from '../../functions/use-cases/inbox';", // code: refused
        "import type { Page } from '../../functions/core/ports';", // a type: fine
        "export { STATUS } from '../../functions/core/labels';", // the shared labels: fine
        "export type { InboxOutput } from '../../functions/contract/outputs/inbox';", // a type: fine
        'export const used: Page<unknown> | typeof inbox | undefined = undefined;',
      ].join('\n'),
    );
    const biome = spawnSync(path.join(root, 'node_modules', '.bin', 'biome'), ['lint', '--vcs-enabled=false', 'portal/src/probe.ts'], {
      cwd: probe,
      encoding: 'utf8',
    });
    rmSync(probe, { recursive: true, force: true });
    const refusals = `${biome.stdout}${biome.stderr}`.match(/probe\.ts:(\d+):\d+ plugin/g) ?? [];
    expect(refusals).toEqual(['probe.ts:1:1 plugin']);
    expect(biome.status).not.toBe(0);
    // What the labels module imports is type-only, or the languages module, which imports only the
    // translation files: the portal's bundle takes nothing else from functions/.
    const importsOf = (file: string) => readFileSync(path.join(root, file), 'utf8').match(/^import\s.*$/gm) ?? [];
    expect(importsOf('functions/core/labels.ts').filter((line) => !line.startsWith('import type ') && !line.endsWith("from './languages';"))).toEqual([]);
    expect(importsOf('functions/core/languages.ts').every((line) => /from '\.\.\/\.\.\/i18n\/[a-z-]+\.json';$/.test(line))).toBe(true);
  });
});
