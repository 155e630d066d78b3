/**
 * A deployable stage needs the operator's settings (lib/settings.ts) and always lands in Jakarta
 * (issue 13): `bin/app.ts` is run the way the CDK CLI runs it (context and output folder in its
 * environment), without bundling.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../lib/settings';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** `cdk synth` of bin/app.ts with this context and the shell's region set elsewhere; the error text when it fails. */
async function synth(context: Record<string, unknown>) {
  const outdir = mkdtempSync(path.join(tmpdir(), 'aduan-app-'));
  try {
    await run(process.execPath, ['--import', 'tsx', 'bin/app.ts'], {
      cwd: ROOT,
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && k !== 'CDK_DEFAULT_ACCOUNT')),
        CDK_OUTDIR: outdir,
        CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [], ...context }),
        // A shell set to another region, and no credentials (no account): as an operator's first `cdk synth` may be.
        CDK_DEFAULT_REGION: 'us-east-1',
      },
      timeout: 120_000,
    });
    const manifest = JSON.parse(readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as {
      artifacts: Record<string, { type: string; environment?: string }>;
    };
    return {
      ok: true as const,
      environments: Object.values(manifest.artifacts).flatMap((a) => (a.type === 'aws:cloudformation:stack' ? [a.environment] : [])),
    };
  } catch (error) {
    return { ok: false as const, message: String((error as { stderr?: string }).stderr ?? error) };
  }
}

describe('operator settings and the region', () => {
  it('prod without the operator’s settings fails, naming each one', async () => {
    const r = await synth({ stage: 'prod', settings: path.join(tmpdir(), 'no-such-settings.json') });
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.message;
    for (const name of ['mailFrom', 'sesIdentity', 'agencyEmailDomain', 'portalUrl', 'alarmEmail', 'sesMaxSendRate', 'features'])
      expect(message).toContain(name);
  }, 120_000);

  it('prod with the example settings synthesizes to ap-southeast-3, whatever the shell’s region (only the budget, holding no data, is in us-east-1)', async () => {
    const r = await synth({ stage: 'prod', settings: 'config/prod.example.json' });
    expect(r).toEqual({ ok: true, environments: ['aws://unknown-account/ap-southeast-3', 'aws://unknown-account/us-east-1'] });
  }, 120_000);

  it('refuses placeholders and missing values, each by name', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'aduan-settings-')), 'prod.json');
    writeFileSync(
      file,
      JSON.stringify({
        mailFrom: 'Aduan <no-reply@aduan.example>',
        sesIdentity: { domain: 'aduan.example', create: true, verified: false },
        agencyEmailDomain: 'instansi.example',
        portalUrl: 'https://lapor.contoh.go.id',
        sesMaxSendRate: 14,
        monthlyBudgetUsd: 300,
        features: { malwareScan: true },
      }),
    );
    let message = '';
    try {
      loadSettings(file, 'prod');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('alarmEmail: missing');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), alarmEmail: 'ops@contoh.go.id' }));
    try {
      loadSettings(file, 'prod');
    } catch (error) {
      message = (error as Error).message;
    }
    for (const field of ['mailFrom', 'sesIdentity.domain', 'agencyEmailDomain']) expect(message).toContain(`${field}: "`);
    expect(message).toContain('placeholder');
    expect(() => loadSettings(file, 'local', { allowPlaceholders: true })).not.toThrow();
  });
});
