import { type App, Tags } from 'aws-cdk-lib';
import { AduanStack } from './aduan-stack';
import { BILLING_REGION, BillingStack } from './billing-stack';
import { stageConfig } from './config';
import type { OperatorSettings } from './settings';

/**
 * A stage's stacks, the same for `cdk deploy` (bin/app.ts), the local system and the tests: the
 * system in Jakarta, and the account's budget in us-east-1 (the only region AWS Budgets is in).
 * `cdk deploy --all` deploys both.
 */
export function addStage(app: App, stage: string, settings: OperatorSettings, account?: string) {
  const config = stageConfig(stage, settings);
  // The region is the stage's (Jakarta), never the shell's: CDK_DEFAULT_REGION is whatever the profile says.
  const stack = new AduanStack(app, `Aduan-${stage}`, {
    config,
    env: { region: config.region, ...(account ? { account } : {}) },
    description: `Aduan complaint management (${stage})`,
  });
  const billing = new BillingStack(app, `Aduan-${stage}-Billing`, {
    stage,
    monthlyBudgetUsd: config.monthlyBudgetUsd,
    alarmEmail: config.alarmEmail,
    env: { region: BILLING_REGION, ...(account ? { account } : {}) },
    description: `Aduan ${stage}: the account's monthly budget (AWS Budgets is in us-east-1 only)`,
  });
  for (const s of [stack, billing]) {
    Tags.of(s).add('project', 'aduan');
    Tags.of(s).add('stage', stage);
  }
  return { stack, billing };
}
