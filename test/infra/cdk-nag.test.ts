import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../lib/config';
import { exampleSettings, LOCAL_STAGE, localSettings, stackApp } from '../../local/template';

describe('cdk-nag AwsSolutions (its own App)', () => {
  it.each(Object.keys(STAGES))('stage %s has no unacknowledged finding', (stage) => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'aduan-nag-'));
    // Both stacks of the stage (the budget's in us-east-1 too), with cdk.json's context, as `cdk synth` makes them.
    const { app } = stackApp(outdir, stage, '111122223333', stage === LOCAL_STAGE ? localSettings() : exampleSettings());
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
