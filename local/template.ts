/**
 * Synthesizes the real stack (without bundling) so the local system creates exactly the
 * tables, queues, environment and event sources that `cdk deploy` would.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { addStage } from '../lib/app';
import { PROJECT_ROOT } from '../lib/constructs/function';
import { loadSettings, type OperatorSettings } from '../lib/settings';

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}
export type Template = { Resources: Record<string, CfnResource> };

export const LOCAL_STAGE = 'dev';

/** The local system's operator settings (mail to the SES emulator: example names allowed). */
export const localSettings = (): OperatorSettings => loadSettings(path.join(PROJECT_ROOT, 'config', 'local.json'), 'local', { allowPlaceholders: true });
/** The example settings of a deployable stage (config/prod.example.json): fake, but they pass every check. */
export const exampleSettings = (): OperatorSettings => loadSettings(path.join(PROJECT_ROOT, 'config', 'prod.example.json'), 'prod');

/** cdk.json's context (feature flags, validation), so what is tested is what `cdk synth` makes. */
const CDK_CONTEXT = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

/** The real stacks in an App that skips bundling (fast) and records construct paths; tests use it too. */
export function stackApp(outdir: string, stage = LOCAL_STAGE, account?: string, settings = stage === LOCAL_STAGE ? localSettings() : exampleSettings()) {
  const app = new App({ outdir, context: { ...CDK_CONTEXT, stage, 'aws:cdk:bundling-stacks': [], 'aws:cdk:enable-path-metadata': true } });
  const { stack, billing } = addStage(app, stage, settings, account);
  return { app, stack, billing };
}

export function synthesizeTemplate(stage = LOCAL_STAGE): Template {
  // A test run starts about twenty local systems from the same code: it names a folder of its own
  // here, and the first start's template serves the others (a synth costs ~5 s of CPU each time).
  const cache = process.env[TEMPLATE_CACHE_ENV];
  const cached = cache ? path.join(cache, `${stage}.json`) : undefined;
  if (cached && existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as Template;
  const outdir = mkdtempSync(path.join(tmpdir(), 'aduan-synth-'));
  try {
    const { app, stack } = stackApp(outdir, stage);
    const template = app.synth().getStackByName(stack.stackName).template as Template;
    if (cached) {
      // Written whole, then renamed: a start reading it side by side never sees half a file.
      const partial = `${cached}.${process.pid}`;
      writeFileSync(partial, JSON.stringify(template));
      renameSync(partial, cached);
    }
    return template;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The folder a test run keeps its synthesized template in (test/support/template-cache.ts); unset, every start synthesizes. */
export const TEMPLATE_CACHE_ENV = 'ADUAN_TEMPLATE_CACHE';

export const cdkPath = (r: CfnResource) => String(r.Metadata?.['aws:cdk:path'] ?? '');

export function resourcesOfType(t: Template, type: string): [string, CfnResource][] {
  return Object.entries(t.Resources).filter(([, r]) => r.Type === type);
}

/** The Lambda function resource of a wiring entry (`<Stack>/<SpecId>/Fn/Resource`). */
export function functionResource(t: Template, specId: string): [string, CfnResource] {
  const found = resourcesOfType(t, 'AWS::Lambda::Function').find(([, r]) => cdkPath(r).endsWith(`/${specId}/Fn/Resource`));
  if (!found) throw new Error(`function ${specId} not found in the template`);
  return found;
}
