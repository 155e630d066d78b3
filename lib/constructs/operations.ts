import { Duration, NestedStack, Validations } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, UrlSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { type CustomAlarmThreshold, DefaultDashboardFactory, MonitoringFacade, noopAction, SnsAlarmActionStrategy } from 'cdk-monitoring-constructs';
import type { Construct } from 'constructs';
import { ALARM_SIGNALS, RUNBOOK, runbook, type Signal } from './alarm-signals';

export { RUNBOOK } from './alarm-signals';

export interface OperationsProps {
  stage: string;
  region: string;
  alarmEmail: string;
  /** An HTTPS endpoint (a pager's or a chat hook's SNS integration) that hears every page. */
  pagerUrl?: string;
  functions: { id: string; fn: IFunction }[];
  queues: { id: string; queue: Queue; dlq: Queue }[];
  api: RestApi;
  /** The API firewall's CloudWatch metric name (its `WebACL` dimension). */
  firewallMetricName: string;
  /** Whether GuardDuty scans attachments (its failures are then watched). */
  malwareScan: boolean;
}

/** The queues whose oldest message says the system has stopped moving, and how old is too old. */
const QUEUE_AGE_LIMITS: Record<string, Duration> = { routing: Duration.minutes(15), notification: Duration.minutes(30) };

/**
 * The stage's alarms and dashboard (cdk-monitoring-constructs), in a nested stack of their own.
 * Two topics: **pages** (mail and, where set, a pager or chat hook) for what needs someone now,
 * **notices** (mail) for what can wait for the morning. Each function's fault and throttle alarms
 * notify nobody themselves: they are grouped into one composite each, so a bad deploy raises one
 * page, not one mail per function. Every alarm's description names its runbook entry.
 */
export class Operations extends NestedStack {
  readonly pages: Topic;
  readonly notices: Topic;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id, { description: `Aduan ${props.stage}: alarms and dashboard` });
    this.pages = new Topic(this, 'Alarms', { displayName: `Aduan ${props.stage} alarms`, enforceSSL: true });
    this.notices = new Topic(this, 'Notices', { displayName: `Aduan ${props.stage} notices`, enforceSSL: true });
    for (const topic of [this.pages, this.notices]) {
      Validations.of(topic).acknowledge({
        id: 'AwsSolutions-SNS2',
        reason: 'Alarm notices name an alarm and a metric, never personal data; CloudWatch cannot publish to a topic under the AWS-managed SNS key.',
      });
      // The operator confirms the subscription from the first mail (SNS asks once).
      topic.addSubscription(new EmailSubscription(props.alarmEmail));
    }
    // A pager or chat hook hears pages only; it confirms the subscription itself (SNS's HTTPS handshake).
    if (props.pagerUrl) this.pages.addSubscription(new UrlSubscription(props.pagerUrl));

    const page = new SnsAlarmActionStrategy({ onAlarmTopic: this.pages, onOkTopic: this.pages });
    const notice = new SnsAlarmActionStrategy({ onAlarmTopic: this.notices });
    const monitoring = new MonitoringFacade(this, 'Monitoring', {
      alarmFactoryDefaults: { alarmNamePrefix: `Aduan-${props.stage}`, actionsEnabled: true, action: page, datapointsToAlarm: 1 },
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
      addLatencyP99Alarm: {
        Warning: {
          maxLatency: Duration.seconds(3),
          datapointsToAlarm: 3,
          evaluationPeriods: 3,
          actionOverride: notice,
          alarmDescriptionOverride: `The slowest 1% of answers took over 3 s for 15 minutes. ${runbook(RUNBOOK.apiLatency)}`,
        },
      },
      add4XXErrorCountAlarm: {
        Warning: {
          // About one a second for ten minutes: far above what people's mistakes make (LAPOR!'s
          // volume is ~1 complaint a minute); a scraper, a broken client release or an attack.
          maxErrorCount: 300,
          datapointsToAlarm: 2,
          evaluationPeriods: 2,
          actionOverride: notice,
          alarmDescriptionOverride: `Over 300 refused requests (4xx) in 5 minutes, twice running. ${runbook(RUNBOOK.api4xx)}`,
        },
      },
    });
    for (const q of props.queues) {
      const ageLimit = QUEUE_AGE_LIMITS[q.id];
      monitoring.monitorSqsQueueWithDlq({
        queue: q.queue,
        deadLetterQueue: q.dlq,
        alarmFriendlyName: `Queue-${q.id}`,
        addDeadLetterQueueMaxSizeAlarm: {
          Critical: { maxMessageCount: 0, alarmDescriptionOverride: `A message gave up after 5 tries on the ${q.id} queue. ${runbook(RUNBOOK.dlq)}` },
        },
        ...(ageLimit
          ? {
              addQueueMaxMessageAgeAlarm: {
                Critical: {
                  maxAgeInSeconds: ageLimit.toSeconds(),
                  alarmDescriptionOverride: `The oldest message on the ${q.id} queue waits over ${ageLimit.toMinutes()} minutes: its worker has stopped. ${runbook(RUNBOOK.queueAge)}`,
                },
              },
            }
          : {}),
      });
    }
    // Per function, for the dashboard and to name the culprit; the composites below page.
    const member = { actionOverride: noopAction() } satisfies Partial<CustomAlarmThreshold>;
    for (const f of props.functions) {
      monitoring.monitorLambdaFunction({
        lambdaFunction: f.fn,
        alarmFriendlyName: f.id,
        humanReadableName: f.id,
        addFaultCountAlarm: { Critical: { ...member, maxErrorCount: 0, customTags: ['function-faults'], alarmDescriptionOverride: `${f.id} failed.` } },
        addThrottlesCountAlarm: {
          Warning: { ...member, maxErrorCount: 0, customTags: ['function-throttles'], alarmDescriptionOverride: `${f.id} was throttled.` },
        },
      });
    }
    monitoring.createCompositeAlarmUsingTag('function-faults', {
      disambiguator: 'Critical',
      alarmNameSuffix: 'Functions-Failing',
      actionOverride: page,
      alarmDescriptionOverride: `One or more functions failed (the dashboard's alarm widget names which). ${runbook(RUNBOOK.functionErrors)}`,
    });
    monitoring.createCompositeAlarmUsingTag('function-throttles', {
      disambiguator: 'Warning',
      alarmNameSuffix: 'Functions-Throttled',
      actionOverride: notice,
      alarmDescriptionOverride: `One or more functions were throttled. ${runbook(RUNBOOK.throttles)}`,
    });

    const signals = ALARM_SIGNALS.filter((s) => !s.onlyWith || (s.onlyWith === 'malwareScan' && props.malwareScan));
    const metricOf = (s: Signal) =>
      new Metric({
        namespace: s.namespace,
        metricName: s.metric,
        dimensionsMap:
          s.namespace === 'Aduan'
            ? { service: 'aduan' }
            : s.namespace === 'AWS/WAFV2'
              ? { WebACL: props.firewallMetricName, Rule: 'ALL', Region: props.region }
              : {},
        statistic: s.statistic,
        period: s.period,
      });
    monitoring.monitorCustom({
      alarmFriendlyName: 'Aduan',
      humanReadableName: 'Clocks, duties, the probe, mail and the firewall',
      metricGroups: [...new Set(signals.map((s) => s.group))].map((title) => ({
        title,
        metrics: signals
          .filter((s) => s.group === title)
          .map((s) => ({
            metric: metricOf(s),
            alarmFriendlyName: s.name,
            addAlarm: {
              [s.severity === 'page' ? 'Critical' : 'Warning']: {
                threshold: s.threshold,
                comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
                treatMissingDataOverride: s.missing === 'breaching' ? TreatMissingData.BREACHING : TreatMissingData.NOT_BREACHING,
                evaluationPeriods: s.datapoints ?? 1,
                datapointsToAlarm: s.datapoints ?? 1,
                actionOverride: s.severity === 'page' ? page : notice,
                alarmDescriptionOverride: `${s.description} ${runbook(s.runbook)}`,
              },
            },
          })),
      })),
    });
  }
}
