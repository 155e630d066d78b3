import * as path from 'node:path';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AduanStack } from '../lib/aduan-stack';
import { stageConfig } from '../lib/config';
import { loadSettings, settingsPath } from '../lib/settings';

const app = new App();
const stage = (app.node.tryGetContext('stage') as string | undefined) ?? 'dev';
const projectRoot = path.resolve(import.meta.dirname, '..');
const settingsFile = (app.node.tryGetContext('settings') as string | undefined) ?? settingsPath(projectRoot, stage);
const config = stageConfig(stage, loadSettings(path.resolve(settingsFile), stage));
// The region is the stage's (Jakarta), never the shell's: CDK_DEFAULT_REGION is whatever the profile says.
const stack = new AduanStack(app, `Aduan-${stage}`, {
  config,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT || undefined, region: config.region },
  description: `Aduan complaint management (${stage})`,
});
Tags.of(stack).add('project', 'aduan');
Tags.of(stack).add('stage', stage);

// Every `cdk synth`/`cdk deploy` fails on an unacknowledged AWS Solutions finding.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
