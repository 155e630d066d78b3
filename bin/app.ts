import * as path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addStage } from '../lib/app';
import { loadSettings, settingsPath } from '../lib/settings';

const app = new App();
const stage = (app.node.tryGetContext('stage') as string | undefined) ?? 'dev';
const projectRoot = path.resolve(import.meta.dirname, '..');
const settingsFile = (app.node.tryGetContext('settings') as string | undefined) ?? settingsPath(projectRoot, stage);
addStage(app, stage, loadSettings(path.resolve(settingsFile), stage), process.env.CDK_DEFAULT_ACCOUNT || undefined);

// Every `cdk synth`/`cdk deploy` fails on an unacknowledged AWS Solutions finding.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
