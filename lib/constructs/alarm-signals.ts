import { Duration } from 'aws-cdk-lib';

/**
 * Each alarm's runbook entry in the README (Operations): what it means and what to do. The anchor
 * is in every alarm's description, so the mail an operator gets at 2 a.m. says where to look.
 */
export const RUNBOOK = {
  dlq: 'dlq-not-empty',
  queueAge: 'queue-oldest-message',
  functionErrors: 'function-errors',
  throttles: 'function-throttles',
  api5xx: 'api-5xx',
  apiLatency: 'api-latency',
  api4xx: 'api-4xx-surge',
  sweepLag: 'sweep-lag',
  sweepFailures: 'sweep-failures',
  outbox: 'outbox-relay-failed',
  erasures: 'identity-erasures-failed',
  digests: 'ombudsman-digests-failed',
  malwareScans: 'malware-scan-no-verdict',
  healthProbe: 'health-probe',
  sesBounces: 'ses-bounce-rate',
  sesComplaints: 'ses-complaint-rate',
  sesSandbox: 'ses-sandbox',
  sesPaused: 'ses-sending-paused',
  sesQuota: 'ses-quota',
  sesUnreadable: 'ses-account-unreadable',
  firewall: 'firewall-blocks',
  calendar: 'calendar-year-missing',
} as const;
export const runbook = (entry: string) => `Runbook: README.md, Operations, #${entry}.`;

/**
 * One watched figure beyond what cdk-monitoring-constructs derives from a resource: the code's
 * own metrics (namespace `Aduan`, published by the scheduled functions, the probe and the
 * attachment checker), SES's reputation and the firewall's blocks. `page` wakes someone (mail and
 * the pager hook); `notice` is a mail for the morning. Above `threshold` is alarming.
 */
export interface Signal {
  name: string;
  group: string;
  namespace: 'Aduan' | 'AWS/SES' | 'AWS/WAFV2';
  metric: string;
  statistic: 'Sum' | 'Maximum' | 'Average';
  period: Duration;
  threshold: number;
  /** Consecutive periods above the threshold before it alarms (1 unless said). */
  datapoints?: number;
  /** No figure at all is alarming (the thing that reports has stopped). */
  missing?: 'breaching';
  severity: 'page' | 'notice';
  /** Only where this feature is on. */
  onlyWith?: 'malwareScan';
  description: string;
  runbook: string;
}

const minutes = Duration.minutes;

export const ALARM_SIGNALS: readonly Signal[] = [
  {
    name: 'HealthProbe',
    group: 'From outside',
    namespace: 'Aduan',
    metric: 'HealthProbeFailed',
    statistic: 'Maximum',
    period: minutes(5),
    threshold: 0,
    datapoints: 2,
    missing: 'breaching',
    severity: 'page',
    description: 'The public health route, asked through the portal’s address every 5 minutes, failed twice running (or the probe stopped reporting).',
    runbook: RUNBOOK.healthProbe,
  },
  {
    name: 'SweepLag',
    group: 'Clocks',
    namespace: 'Aduan',
    metric: 'SweepLagMinutes',
    statistic: 'Maximum',
    period: minutes(15),
    threshold: 60,
    datapoints: 4,
    // No figure at all means the sweep is not running: that is the worst lag.
    missing: 'breaching',
    severity: 'page',
    description: 'Deadlines due over an hour ago are still unprocessed, or the sweep stopped reporting.',
    runbook: RUNBOOK.sweepLag,
  },
  {
    name: 'SweepFailures',
    group: 'Clocks',
    namespace: 'Aduan',
    metric: 'SweepFailures',
    statistic: 'Sum',
    period: minutes(15),
    threshold: 0,
    datapoints: 2,
    severity: 'page',
    description: 'A deadline sweep failed on some complaints two runs in a row: their reminders, escalations or Ombudsman flags wait.',
    runbook: RUNBOOK.sweepFailures,
  },
  {
    name: 'CalendarCoverage',
    group: 'Clocks',
    namespace: 'Aduan',
    metric: 'CalendarYearsMissing',
    statistic: 'Maximum',
    period: Duration.hours(1),
    threshold: 0,
    severity: 'notice',
    description: 'This or next year has no official holiday data: deadlines count weekends only.',
    runbook: RUNBOOK.calendar,
  },
  {
    name: 'OutboxRelay',
    group: 'Duties',
    namespace: 'Aduan',
    metric: 'OutboxRelayFailed',
    statistic: 'Sum',
    period: minutes(5),
    threshold: 0,
    datapoints: 3,
    severity: 'page',
    description: 'For 15 minutes the outbox relay could not hand acknowledged complaints to their queues: they are kept but not routed.',
    runbook: RUNBOOK.outbox,
  },
  {
    name: 'IdentityErasures',
    group: 'Duties',
    namespace: 'Aduan',
    metric: 'IdentityErasuresFailed',
    statistic: 'Sum',
    period: Duration.days(1),
    threshold: 0,
    severity: 'page',
    description: 'Reporters’ identities past their retention period could not be erased (a legal duty under UU PDP).',
    runbook: RUNBOOK.erasures,
  },
  {
    name: 'OmbudsmanDigests',
    group: 'Duties',
    namespace: 'Aduan',
    metric: 'OmbudsmanDigestsFailed',
    statistic: 'Sum',
    period: Duration.hours(1),
    threshold: 0,
    severity: 'notice',
    description: 'An Ombudsman office’s daily digest of review flags could not be sent.',
    runbook: RUNBOOK.digests,
  },
  {
    name: 'MalwareScanNoVerdict',
    group: 'Duties',
    namespace: 'Aduan',
    metric: 'MalwareScansWithoutVerdict',
    statistic: 'Sum',
    period: Duration.hours(1),
    threshold: 0,
    severity: 'notice',
    onlyWith: 'malwareScan',
    description: 'GuardDuty scanned an attachment but gave no verdict (failed, access denied, unsupported): the file stays unavailable.',
    runbook: RUNBOOK.malwareScans,
  },
  {
    name: 'SesSendingPaused',
    group: 'Mail',
    namespace: 'Aduan',
    metric: 'SesSendingPaused',
    statistic: 'Maximum',
    period: Duration.hours(1),
    threshold: 0,
    severity: 'page',
    description: 'SES has paused the account’s sending: no agency or reporter gets mail.',
    runbook: RUNBOOK.sesPaused,
  },
  {
    name: 'SesSandbox',
    group: 'Mail',
    namespace: 'Aduan',
    metric: 'SesSandbox',
    statistic: 'Maximum',
    period: Duration.hours(1),
    threshold: 0,
    severity: 'notice',
    description: 'The SES account is in the sandbox: mail reaches verified addresses only, 200 a day.',
    runbook: RUNBOOK.sesSandbox,
  },
  {
    name: 'SesQuota',
    group: 'Mail',
    namespace: 'Aduan',
    metric: 'SesQuotaUsedPercent',
    statistic: 'Maximum',
    period: Duration.hours(1),
    threshold: 80,
    severity: 'notice',
    description: 'Over 80% of the SES 24-hour sending quota is used.',
    runbook: RUNBOOK.sesQuota,
  },
  {
    name: 'SesAccountUnreadable',
    group: 'Mail',
    namespace: 'Aduan',
    metric: 'SesAccountUnreadable',
    statistic: 'Maximum',
    period: Duration.hours(1),
    threshold: 0,
    severity: 'notice',
    description: 'The probe could not read the SES account (quota, sandbox) for an hour.',
    runbook: RUNBOOK.sesUnreadable,
  },
  {
    name: 'SesBounceRate',
    group: 'Mail',
    namespace: 'AWS/SES',
    metric: 'Reputation.BounceRate',
    statistic: 'Average',
    period: Duration.hours(1),
    // AWS reviews an account at 5 % and may pause sending at 10 %.
    threshold: 0.04,
    severity: 'page',
    description: 'Over 4% of mail bounces.',
    runbook: RUNBOOK.sesBounces,
  },
  {
    name: 'SesComplaintRate',
    group: 'Mail',
    namespace: 'AWS/SES',
    metric: 'Reputation.ComplaintRate',
    statistic: 'Average',
    period: Duration.hours(1),
    threshold: 0.001,
    severity: 'page',
    description: 'Recipients mark over 0.1% of mail as spam.',
    runbook: RUNBOOK.sesComplaints,
  },
  {
    name: 'FirewallBlocks',
    group: 'Firewall',
    namespace: 'AWS/WAFV2',
    metric: 'BlockedRequests',
    statistic: 'Sum',
    period: minutes(5),
    threshold: 500,
    severity: 'notice',
    description: 'The API’s firewall blocked over 500 requests in 5 minutes (the rate limit, the IP reputation list, or calls not through CloudFront).',
    runbook: RUNBOOK.firewall,
  },
];
