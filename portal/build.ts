/**
 * Builds the portal into a folder of static files: index.html, the styles, and one minified
 * script bundled by esbuild (Preact included). The stack uploads the folder to its bucket; the
 * local gateway serves it. `npx tsx portal/build.ts [outDir]` builds it by hand.
 */
import { cpSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, buildSync } from 'esbuild';

export const PORTAL_DIR = path.dirname(fileURLToPath(import.meta.url));

const options = (outDir: string): BuildOptions => ({
  entryPoints: [path.join(PORTAL_DIR, 'src/main.tsx')],
  outfile: path.join(outDir, 'app.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'safari15', 'firefox100'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'error',
});

function copyStatic(outDir: string) {
  mkdirSync(outDir, { recursive: true });
  cpSync(path.join(PORTAL_DIR, 'static'), outDir, { recursive: true });
}

/** Builds the portal into outDir; returns its files and their sizes. */
export async function buildPortal(outDir: string): Promise<Record<string, number>> {
  copyStatic(outDir);
  await build(options(outDir));
  return Object.fromEntries(readdirSync(outDir).map((f) => [f, statSync(path.join(outDir, f)).size]));
}

/** The same, synchronously: CDK's local bundling hook cannot wait for a promise. */
export function buildPortalSync(outDir: string): void {
  copyStatic(outDir);
  buildSync(options(outDir));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(process.argv[2] ?? path.join(PORTAL_DIR, 'dist'));
  console.log(await buildPortal(out));
}
