import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { stackApp } from '../../local/template';

/** The real stack, synthesized as the local runtime synthesizes it, for template assertions. */
export function synthStack(stage = 'dev') {
  const { app, stack } = stackApp(mkdtempSync(path.join(tmpdir(), 'aduan-test-synth-')), stage, '111122223333');
  return { app, stack, template: Template.fromStack(stack) };
}
