import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AduanStack } from '../../lib/aduan-stack';
import { stageConfig } from '../../lib/config';

/** The real stack, synthesized without bundling (fast) into a temp folder. */
export function synthStack(stage = 'dev') {
  const app = new App({
    outdir: mkdtempSync(path.join(tmpdir(), 'aduan-test-synth-')),
    context: { 'aws:cdk:bundling-stacks': [], 'aws:cdk:enable-path-metadata': true },
  });
  const stack = new AduanStack(app, `Aduan-${stage}`, { config: stageConfig(stage), env: { account: '111122223333', region: 'ap-southeast-3' } });
  return { app, stack, template: Template.fromStack(stack) };
}
