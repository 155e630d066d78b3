/**
 * Vitest's global setup: one folder per test run where the local systems the tests start keep the
 * stack's synthesized template (local/template.ts), so it is synthesized once or twice per run
 * rather than by each of the ~20 systems. Removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    templateCache: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'aduan-template-'));
  project.provide('templateCache', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
