import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { AduanStack } from '../../lib/aduan-stack';
import { STAGES, stageConfig } from '../../lib/config';
import { exampleSettings, LOCAL_STAGE, localSettings } from '../../local/template';

describe('cdk-nag AwsSolutions (its own App)', () => {
  it.each(Object.keys(STAGES))('stage %s has no unacknowledged finding', (stage) => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'aduan-nag-'));
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
    new AduanStack(app, `Aduan-${stage}`, {
      config: stageConfig(stage, stage === LOCAL_STAGE ? localSettings() : exampleSettings()),
      env: { account: '111122223333', region: 'ap-southeast-3' },
    });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    let failure = '';
    try {
      app.synth();
    } catch (error) {
      const report = path.join(outdir, 'validation-report.json');
      failure = `${String(error)}\n${existsSync(report) ? readFileSync(report, 'utf8').slice(0, 4000) : ''}`;
    }
    expect(failure).toBe('');
  });
});
