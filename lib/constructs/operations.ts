import { Duration, NestedStack, Validations } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { DefaultDashboardFactory, MonitoringFacade, SnsAlarmActionStrategy } from 'cdk-monitoring-constructs';
import type { Construct } from 'constructs';

/**
 * Each alarm's runbook entry in the README (Operations): what it means and what to do. The anchor
 * is in every alarm's description, so the mail an operator gets at 2 a.m. says where to look.
 */
export const RUNBOOK = {
  dlq: 'dlq-not-empty',
  functionErrors: 'function-errors',
  throttles: 'function-throttles',
  api5xx: 'api-5xx',
  sweepLag: 'sweep-lag',
  sesBounces: 'ses-bounce-rate',
  sesComplaints: 'ses-complaint-rate',
  calendar: 'calendar-year-missing',
} as const;
const runbook = (entry: string) => `Runbook: README.md, Operations, #${entry}.`;

export interface OperationsProps {
  stage: string;
  alarmEmail: string;
  functions: { id: string; fn: IFunction }[];
  queues: { id: string; queue: Queue; dlq: Queue }[];
  api: RestApi;
}

/**
 * The stage's alarms and dashboard (cdk-monitoring-constructs), in a nested stack of their own so
 * the stage stays within CloudFormation's 500 resources: every DLQ, every function's errors and
 * throttles, API 5xx, the sweep's lag, SES bounce and complaint rates, calendar coverage. Every
 * alarm notifies one topic the operators subscribe to.
 */
export class Operations extends NestedStack {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id, { description: `Aduan ${props.stage}: alarms and dashboard` });
    this.topic = new Topic(this, 'Alarms', { displayName: `Aduan ${props.stage} alarms`, enforceSSL: true });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'Alarm notices name an alarm and a metric, never personal data; CloudWatch cannot publish to a topic under the AWS-managed SNS key.',
    });
    // The operator confirms the subscription from the first mail (SNS asks once).
    this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const monitoring = new MonitoringFacade(this, 'Monitoring', {
      alarmFactoryDefaults: {
        alarmNamePrefix: `Aduan-${props.stage}`,
        actionsEnabled: true,
        action: new SnsAlarmActionStrategy({ onAlarmTopic: this.topic }),
        datapointsToAlarm: 1,
      },
      metricFactoryDefaults: {},
      dashboardFactory: new DefaultDashboardFactory(this, 'Dashboards', {
        dashboardNamePrefix: `Aduan-${props.stage}`,
        createDashboard: true,
        createSummaryDashboard: false,
        createAlarmDashboard: true,
      }),
    });

    monitoring.addLargeHeader(`Aduan ${props.stage}`);
    monitoring.monitorApiGateway({
      api: props.api,
      apiStage: props.stage,
      alarmFriendlyName: 'Api',
      add5XXFaultCountAlarm: { Critical: { maxErrorCount: 5, alarmDescriptionOverride: `More than 5 server errors in 5 minutes. ${runbook(RUNBOOK.api5xx)}` } },
    });
    for (const q of props.queues) {
      monitoring.monitorSqsQueueWithDlq({
        queue: q.queue,
        deadLetterQueue: q.dlq,
        alarmFriendlyName: `Queue-${q.id}`,
        addDeadLetterQueueMaxSizeAlarm: {
          Critical: { maxMessageCount: 0, alarmDescriptionOverride: `A message gave up after 5 tries on the ${q.id} queue. ${runbook(RUNBOOK.dlq)}` },
        },
      });
    }
    for (const f of props.functions) {
      monitoring.monitorLambdaFunction({
        lambdaFunction: f.fn,
        alarmFriendlyName: f.id,
        humanReadableName: f.id,
        addFaultCountAlarm: { Critical: { maxErrorCount: 0, alarmDescriptionOverride: `${f.id} failed. ${runbook(RUNBOOK.functionErrors)}` } },
        addThrottlesCountAlarm: { Warning: { maxErrorCount: 0, alarmDescriptionOverride: `${f.id} was throttled. ${runbook(RUNBOOK.throttles)}` } },
      });
    }

    const aduan = (metricName: string, statistic = 'Maximum', period = Duration.minutes(15)) =>
      new Metric({ namespace: 'Aduan', metricName, dimensionsMap: { service: 'aduan' }, statistic, period });
    const ses = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Average', period: Duration.hours(1) });
    monitoring.monitorCustom({
      alarmFriendlyName: 'Aduan',
      humanReadableName: 'Clocks, calendar and mail reputation',
      metricGroups: [
        {
          title: 'Deadline sweep',
          metrics: [
            {
              metric: aduan('SweepLagMinutes'),
              alarmFriendlyName: 'SweepLag',
              addAlarm: {
                Critical: {
                  threshold: 60,
                  comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
                  // No figure at all means the sweep is not running: that is the worst lag.
                  treatMissingDataOverride: TreatMissingData.BREACHING,
                  evaluationPeriods: 4,
                  datapointsToAlarm: 4,
                  alarmDescriptionOverride: `Deadlines due over an hour ago are still unprocessed, or the sweep stopped reporting. ${runbook(RUNBOOK.sweepLag)}`,
                },
              },
            },
          ],
        },
        {
          title: 'Holiday calendar',
          metrics: [
            {
              metric: aduan('CalendarYearsMissing', 'Maximum', Duration.hours(1)),
              alarmFriendlyName: 'CalendarCoverage',
              addAlarm: {
                Warning: {
                  threshold: 0,
                  comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
                  treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
                  alarmDescriptionOverride: `This or next year has no official holiday data: deadlines count weekends only. ${runbook(RUNBOOK.calendar)}`,
                },
              },
            },
          ],
        },
        {
          title: 'SES reputation',
          metrics: [
            {
              metric: ses('Reputation.BounceRate'),
              alarmFriendlyName: 'SesBounceRate',
              addAlarm: {
                Critical: {
                  // AWS reviews an account at 5 % and may pause sending at 10 %.
                  threshold: 0.04,
                  comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
                  treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
                  alarmDescriptionOverride: `Over 4% of mail bounces. ${runbook(RUNBOOK.sesBounces)}`,
                },
              },
            },
            {
              metric: ses('Reputation.ComplaintRate'),
              alarmFriendlyName: 'SesComplaintRate',
              addAlarm: {
                Critical: {
                  threshold: 0.001,
                  comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
                  treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
                  alarmDescriptionOverride: `Recipients mark over 0.1% of mail as spam. ${runbook(RUNBOOK.sesComplaints)}`,
                },
              },
            },
          ],
        },
      ],
    });
  }
}
