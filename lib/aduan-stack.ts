import { Annotations, type CfnElement, CfnOutput, Duration, Lazy, RemovalPolicy, Stack, type StackProps, Token, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Construct } from 'constructs';
import { ENV } from '../functions/shared/env';
import { bindNeed } from './capabilities';
import type { StageConfig } from './config';
import { AgencyMailer } from './constructs/agency-mailer';
import { AttachmentStore } from './constructs/attachment-store';
import { BundleKey } from './constructs/bundle-key';
import { ComplaintApi, FIREWALL_METRIC_NAME } from './constructs/complaint-api';
import { ComplaintTables } from './constructs/complaint-table';
import { AduanFunction, retentionOf } from './constructs/function';
import { GeneratedSecret } from './constructs/generated-secret';
import { IdentityKey } from './constructs/identity-key';
import { Operations } from './constructs/operations';
import { Portal } from './constructs/portal';
import { StaffAccounts } from './constructs/staff-accounts';
import { WorkQueues } from './constructs/work-queues';
import { FUNCTIONS } from './wiring';

export interface AduanStackProps extends StackProps {
  config: StageConfig;
}

/** Everything Aduan needs in one account and region, built from lib/wiring.ts. */
export class AduanStack extends Stack {
  readonly functions = new Map<string, AduanFunction>();
  readonly api: ComplaintApi;
  readonly tables: ComplaintTables;
  readonly queues: WorkQueues;
  readonly staff: StaffAccounts;
  readonly portal: Portal;
  readonly attachments: AttachmentStore;
  readonly operations: Operations;

  constructor(scope: Construct, id: string, props: AduanStackProps) {
    super(scope, id, props);
    const { config } = props;
    // Data stays in Indonesia: a stage is never synthesized into another region (or an unknown one).
    if (this.region !== config.region) {
      throw new Error(
        `Stage "${config.stage}" deploys to ${config.region} only (PP 71/2019), not ${Token.isUnresolved(this.region) ? 'an unspecified region' : this.region}.`,
      );
    }
    // Retained data is kept when the stack goes, but not when its creation is rolled back: a failed
    // first deploy leaves nothing behind that would block the retry.
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY;
    this.tables = new ComplaintTables(this, 'Data', { removalPolicy });
    this.queues = new WorkQueues(this, 'Queues');
    const mailer = new AgencyMailer(this, 'AgencyMailer', config);
    this.staff = new StaffAccounts(this, 'Staff', {
      removalPolicy,
      requireMfa: config.requireStaffMfa,
      mail: mailer.cognitoSender(),
      threatProtection: config.features.staffThreatProtection === true,
    });
    // Synthesis says which of the features not confirmed in Jakarta are on, and how staff mail goes.
    Annotations.of(this).addInfo(
      `Stage ${config.stage}: malware scanning ${config.features.malwareScan ? 'ON (GuardDuty)' : 'OFF — staff see "not scanned" on every file'}; ` +
        `staff threat protection ${config.features.staffThreatProtection ? 'ON (Cognito Plus)' : 'OFF (Cognito Essentials)'}; ` +
        `staff mail ${config.sesIdentity.verified ? `through SES (${config.sesIdentity.domain})` : 'through Cognito’s own sender until sesIdentity.verified is true'}.`,
    );
    const routes = FUNCTIONS.flatMap((f) => (f.trigger.kind === 'http' ? [f.trigger] : []));
    this.api = new ComplaintApi(this, 'ComplaintApi', { config, removalPolicy, staffPool: this.staff.pool, routes });
    const cursorKey = new GeneratedSecret(this, 'CursorKey', {
      description: 'Aduan: HMAC key that seals page cursors',
      envName: ENV.cursorKeySecretArn,
      rotationNote: 'A rotation only invalidates cursors of pages being read (the client starts again from page one); rotate by replacing the secret.',
    });
    const contactKey = new GeneratedSecret(this, 'ContactLookupKey', {
      description: 'Aduan: HMAC key of the contact lookup (find one person’s complaints without storing their contact in clear)',
      envName: ENV.contactKeySecretArn,
      rotationNote: 'Rotating it would orphan the existing contact lookups; replace it only together with a re-index of the lookups.',
    });
    const identityKey = new IdentityKey(this, 'IdentityKey', { removalPolicy });
    const bundleKey = new BundleKey(this, 'BundleKey', { removalPolicy });
    const uploads = this.queues.queues.get('upload');
    if (!uploads) throw new Error('the wiring declares no upload queue');
    this.attachments = new AttachmentStore(this, 'Attachments', {
      removalPolicy,
      stage: config.stage,
      uploadQueue: uploads.queue,
      retentionDays: config.attachments.retentionDays,
      malwareScan: config.features.malwareScan,
    });

    // The public health route as people reach it, resolved once the portal exists (below): its own
    // domain, or CloudFront's address in dev.
    const healthUrl = Lazy.string({
      produce: () => `${config.portal ? `https://${config.portal.domain}` : `https://${this.portal.distribution.distributionDomainName}`}/v1/health`,
    });
    const functionLogs = new LogGroup(this, 'FunctionLogs', { retention: retentionOf(config.logRetentionDays), removalPolicy });
    for (const spec of FUNCTIONS) {
      const f = new AduanFunction(this, spec.id, { spec, logGroup: functionLogs });
      this.functions.set(spec.id, f);
      const fn = f.fn;
      fn.addEnvironment(ENV.stage, config.stage);
      const bindable = {
        config,
        tables: this.tables,
        queues: this.queues,
        mailer,
        staff: this.staff,
        cursorKey,
        contactKey,
        identityKey,
        bundleKey,
        attachments: this.attachments,
        healthUrl,
      };
      for (const need of spec.needs) bindNeed(need, fn, bindable);
      const t = spec.trigger;
      if (t.kind === 'http') this.api.route(t, fn);
      else if (t.kind === 'queue') this.queues.bindConsumer(fn, t);
      else
        new Schedule(this, `${spec.id}Schedule`, {
          description: `Aduan ${t.name}`,
          schedule: ScheduleExpression.rate(Duration.minutes(t.everyMinutes)),
          target: new LambdaInvoke(fn, { retryAttempts: 2, role: this.schedulerRole(fn) }),
        });
    }
    this.portal = new Portal(this, 'Portal', {
      api: this.api.api,
      removalPolicy,
      attachmentOrigin: this.attachments.origin,
      originSecret: this.api.originSecret,
      ...(config.portal ? { domain: { name: config.portal.domain, certificateArn: config.portal.certificateArn } } : {}),
    });
    // The portal's address as a setting (dev also any CloudFront address): never the distribution
    // itself, which would tie the bucket to the API that its functions serve.
    this.attachments.allowOrigins(config.portal ? [config.portalUrl] : [config.portalUrl, 'https://*.cloudfront.net']);
    this.operations = new Operations(this, 'Operations', {
      stage: config.stage,
      region: config.region,
      alarmEmail: config.alarmEmail,
      ...(config.pagerUrl ? { pagerUrl: config.pagerUrl } : {}),
      functions: [...this.functions].map(([id, f]) => ({ id, fn: f.fn })),
      queues: [...this.queues.queues].map(([id, q]) => ({ id, ...q })),
      api: this.api.api,
      firewallMetricName: FIREWALL_METRIC_NAME,
      malwareScan: config.features.malwareScan,
    });
    new CfnOutput(this, 'AlarmTopicArn', { description: 'Pages: mailed to alarmEmail and sent to pagerUrl', value: this.operations.pages.topicArn });
    new CfnOutput(this, 'NoticeTopicArn', { description: 'Notices: mailed to alarmEmail', value: this.operations.notices.topicArn });
    new CfnOutput(this, 'PortalUrl', {
      value: config.portal ? `https://${config.portal.domain}/` : `https://${this.portal.distribution.distributionDomainName}/`,
    });
    if (config.portal)
      new CfnOutput(this, 'PortalDnsRecord', {
        description: `Point ${config.portal.domain} at the distribution (a CNAME, or an alias record in Route 53)`,
        value: `${config.portal.domain} CNAME ${this.portal.distribution.distributionDomainName}`,
      });
    new CfnOutput(this, 'ApiUrl', { value: this.api.api.url });
    new CfnOutput(this, 'ComplaintTableName', { value: this.tables.table.tableName });
    new CfnOutput(this, 'StaffUserPoolId', { value: this.staff.pool.userPoolId });
    new CfnOutput(this, 'StaffUserPoolClientId', { value: this.staff.client.userPoolClientId });
    for (const [id, q] of this.queues.queues) new CfnOutput(this, `${id}DlqUrl`, { value: q.dlq.queueUrl });
  }

  private scheduler?: Role;

  /**
   * The one role every schedule assumes; each target adds the invoke grant of its own function
   * (one role, not one per schedule: the stack stays well under CloudFormation's 500 resources).
   */
  private schedulerRole(fn: IFunction) {
    // Only this account's schedules may assume it (the confused-deputy guard).
    this.scheduler ??= new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
    });
    Validations.of(this.scheduler).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>:*]`,
      reason: 'Invoke of the scheduled functions and their versions/aliases, as granted by the Scheduler LambdaInvoke target.',
    });
    return this.scheduler;
  }
}
