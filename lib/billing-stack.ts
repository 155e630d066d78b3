import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import type { Construct } from 'constructs';

export interface BillingStackProps extends StackProps {
  stage: string;
  monthlyBudgetUsd: number;
  alarmEmail: string;
}

/** AWS Budgets lives in us-east-1 only (CloudFormation has no `AWS::Budgets::Budget` in Jakarta). */
export const BILLING_REGION = 'us-east-1';

/**
 * The account's spend, in a stack of its own in us-east-1: a budget in the Jakarta stack fails
 * its first deploy ("Unrecognized resource types"). It holds no data — only the budget, whose
 * alarm address hears at 80 % of the month's amount and when the forecast passes it.
 */
export class BillingStack extends Stack {
  constructor(scope: Construct, id: string, props: BillingStackProps) {
    super(scope, id, props);
    if (this.region !== BILLING_REGION) throw new Error(`The budget stack deploys to ${BILLING_REGION} only (where AWS Budgets is), not ${this.region}.`);
    const mail = [{ subscriptionType: 'EMAIL', address: props.alarmEmail }];
    new CfnBudget(this, 'MonthlyBudget', {
      budget: {
        budgetName: `aduan-${props.stage}-monthly`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyBudgetUsd, unit: 'USD' },
      },
      notificationsWithSubscribers: [
        { notification: { notificationType: 'ACTUAL', comparisonOperator: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE' }, subscribers: mail },
        {
          notification: { notificationType: 'FORECASTED', comparisonOperator: 'GREATER_THAN', threshold: 100, thresholdType: 'PERCENTAGE' },
          subscribers: mail,
        },
      ],
    });
  }
}
