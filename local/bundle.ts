/**
 * Bundles every handler the way the stack does (esbuild, lib/constructs/function.ts BUNDLING),
 * so the local runtime runs the same single-file bundles that deploy. The only difference is the
 * target: this machine's Node instead of Lambda's.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { BUNDLING, PROJECT_ROOT } from '../lib/constructs/function';
import type { FunctionSpec } from '../lib/wiring';

export interface Bundles {
  /** The bundle file of a function, by its wiring id. */
  fileOf(id: string): string;
  remove(): void;
}

export async function bundleFunctions(specs: readonly FunctionSpec[]): Promise<Bundles> {
  // Inside the project, so a module kept external (sharp, with its native library) resolves from node_modules.
  const cacheDir = path.join(PROJECT_ROOT, 'node_modules', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const outdir = mkdtempSync(path.join(cacheDir, 'aduan-bundles-'));
  await build({
    entryPoints: Object.fromEntries(specs.map((s) => [s.id, path.join(PROJECT_ROOT, s.entry)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: BUNDLING.format,
    minify: false,
    sourcemap: true,
    target: `node${process.versions.node.split('.')[0]}`,
    mainFields: [...BUNDLING.mainFields],
    banner: { js: BUNDLING.banner },
    external: [...BUNDLING.externalModules],
    logLevel: 'error',
  });
  return { fileOf: (id) => path.join(outdir, `${id}.mjs`), remove: () => rmSync(outdir, { recursive: true, force: true }) };
}
