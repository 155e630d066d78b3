import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AduanStack } from '../lib/aduan-stack';
import { stageConfig } from '../lib/config';

const app = new App();
const stage = (app.node.tryGetContext('stage') as string | undefined) ?? 'dev';
const config = stageConfig(stage);
const stack = new AduanStack(app, `Aduan-${stage}`, {
  config,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'ap-southeast-3' },
  description: `Aduan complaint management (${stage})`,
});
Tags.of(stack).add('project', 'aduan');
Tags.of(stack).add('stage', stage);

// Every `cdk synth`/`cdk deploy` fails on an unacknowledged AWS Solutions finding.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
