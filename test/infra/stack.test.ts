import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Capability } from '../../functions/capabilities';
import { consumerOf, envNamesOf, FUNCTIONS, QUEUES, VISIBILITY_TIMEOUT_FACTOR } from '../../lib/wiring';
import { exampleSettings, stackApp } from '../../local/template';
import { synthStack } from '../support/synth';

/** How CDK writes a rate: whole hours as hours. */
const rateExpression = (minutes: number) =>
  minutes % 1440 === 0
    ? `rate(${minutes / 1440} day${minutes === 1440 ? '' : 's'})`
    : minutes % 60 === 0
      ? `rate(${minutes / 60} hour${minutes === 60 ? '' : 's'})`
      : `rate(${minutes} minute${minutes === 1 ? '' : 's'})`;

type Resources = Record<string, { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any>; DeletionPolicy?: string }>;

let template: ReturnType<typeof synthStack>['template'];
let resources: Resources;
/** The portal's nested stack (its files, the distribution). */
let portal: Template;

const byPath = (suffix: string) => {
  const found = Object.entries(resources).find(([, r]) => String(r.Metadata?.['aws:cdk:path'] ?? '').endsWith(suffix));
  if (!found) throw new Error(`no resource at …${suffix}`);
  return found;
};
const fnOf = (id: string) => byPath(`/${id}/Fn/Resource`);
const policyOf = (id: string) => {
  const found = Object.entries(resources).find(([, r]) => String(r.Metadata?.['aws:cdk:path'] ?? '').endsWith(`/${id}/Fn/ServiceRole/DefaultPolicy/Resource`));
  return found ? (found[1].Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) : [];
};
const actions = (s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

beforeAll(() => {
  const synth = synthStack();
  template = synth.template;
  resources = template.toJSON().Resources as Resources;
  portal = Template.fromStack(synth.stack.portal);
});

describe('functions follow the wiring declaration', () => {
  it.each(FUNCTIONS.map((f) => [f.id, f]))('%s: Node 24 on arm64 with its timeout, memory and exactly its env contract', (_id, spec) => {
    const [, fn] = fnOf(spec.id);
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: spec.timeoutSeconds,
      MemorySize: spec.memoryMb,
      TracingConfig: { Mode: 'Active' },
    });
    const variables = fn.Properties.Environment.Variables;
    // A trace keeps neither what the handler answered nor an error's text (issue 18).
    expect(variables).toMatchObject({ POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false', POWERTOOLS_TRACER_CAPTURE_ERROR: 'false' });
    const names = Object.keys(variables).filter((k) => !['NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME'].includes(k) && !k.startsWith('POWERTOOLS_TRACER_'));
    expect(names.sort()).toEqual([...envNamesOf(spec)].sort());
    // No secret is handed over in the function's configuration: `lambda:GetFunctionConfiguration` reveals nothing.
    expect(JSON.stringify(variables)).not.toContain('resolve:secretsmanager');
  });

  it('has one function per declaration and no others (but CDK’s own portal upload and bucket notifications)', () => {
    const cdkOwn = ['CustomCDKBucketDeployment', 'BucketNotificationsHandler'];
    const fns = Object.entries(resources).filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && !cdkOwn.some((p) => id.startsWith(p)));
    expect(fns).toHaveLength(FUNCTIONS.length);
  });
});

describe('attachments', () => {
  it('live in a private, encrypted, versioned bucket whose lifecycle follows the retention policy', () => {
    const [, bucket] = byPath('/Attachments/Files/Resource');
    const p = bucket.Properties;
    expect(p.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(p.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(p.LoggingConfiguration.LogFilePrefix).toBe('attachments/');
    const rules = Object.fromEntries(p.LifecycleConfiguration.Rules.map((r: { Id: string }) => [r.Id, r]));
    expect(rules['unchecked-uploads']).toMatchObject({ Prefix: 'incoming/', ExpirationInDays: 1, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } });
    expect(rules['case-record-retention']).toMatchObject({ Prefix: 'stored/', ExpirationInDays: 1826 });
    expect(rules['old-versions']).toMatchObject({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } });
    expect(JSON.stringify(p.CorsConfiguration)).toContain('PUT');
  });

  it('tells the upload queue of new uploads only, and each function gets only its part of the bucket', () => {
    const [, notifications] = Object.entries(resources).find(([, r]) => r.Type === 'Custom::S3BucketNotifications') as [string, Resources[string]];
    const [queueId] = byPath('/UploadQueue/Resource');
    expect(notifications.Properties.NotificationConfiguration.QueueConfigurations).toEqual([
      {
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
        QueueArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      },
    ]);
    const s3Actions = (fnId: string) => {
      const [, policy] = byPath(`/${fnId}/Fn/ServiceRole/DefaultPolicy/Resource`);
      return policy.Properties.PolicyDocument.Statement.filter((st: { Action: string | string[] }) => JSON.stringify(st.Action).includes('s3:')).map(
        (st: { Action: string | string[]; Resource: unknown }) => [st.Action, JSON.stringify(st.Resource).match(/\/(\w+)\/\*/g)],
      );
    };
    // Statements, actions and prefixes in any order (CDK's policy minimizing sorts and merges them).
    const sorted = (v: unknown): unknown => (Array.isArray(v) ? v.map(sorted).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : v);
    expect(sorted(s3Actions('RequestAttachmentUpload'))).toEqual(sorted([['s3:PutObject', ['/incoming/*']]]));
    expect(sorted(s3Actions('DownloadAttachment'))).toEqual(sorted([['s3:GetObject', ['/stored/*', '/preview/*']]]));
    expect(sorted(s3Actions('CheckAttachment'))).toEqual(
      sorted([
        [['s3:GetObject', 's3:DeleteObject'], ['/incoming/*']],
        [
          ['s3:PutObject', 's3:DeleteObject'],
          ['/stored/*', '/preview/*'],
        ],
        // Erasing a reporter's files with their identity: every version, listed by key (issue 18).
        ['s3:DeleteObjectVersion', ['/incoming/*', '/stored/*', '/preview/*']],
        ['s3:ListBucketVersions', null],
      ]),
    );
    const [, checker] = byPath('/CheckAttachment/Fn/ServiceRole/DefaultPolicy/Resource');
    const listing = checker.Properties.PolicyDocument.Statement.find((st: { Action: unknown }) => st.Action === 's3:ListBucketVersions');
    expect(listing.Condition).toEqual({ StringLike: { 's3:prefix': ['incoming/*', 'stored/*', 'preview/*'] } });
  });
});

describe('blast radius (issue 18)', () => {
  it.each([
    ['SupportComplaint', ['C#*', 'DEVICE#*', 'ADDRESS#*']],
    ['Open311CreateRequest', ['C#*', 'IDEMPOTENCY#*', 'STATS#*', 'HEADS#*']],
    ['CheckAttachment', ['C#*', 'HEADS#*']],
  ])('%s, which faces the public or parses its bytes, writes only the item families it must', (id, families) => {
    const statements = policyOf(id).filter((st) => actions(st).some((a) => a.startsWith('dynamodb:')));
    const writes = statements.filter((st) =>
      actions(st).some((a) => ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'].includes(a)),
    );
    expect(writes).toHaveLength(1);
    expect((writes[0] as { Condition?: unknown }).Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': families } });
  });
});

describe('account-wide and trust settings', () => {
  it('keeps the API Gateway CloudWatch role when a stage goes, so stages in one account coexist', () => {
    const [, account] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::ApiGateway::Account') as [string, Resources[string]];
    expect(account.DeletionPolicy).toBe('RetainExceptOnCreate');
    const roleId = (account.Properties.CloudWatchRoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(resources[roleId]?.DeletionPolicy).toBe('RetainExceptOnCreate');
  });

  it('lets only this account’s schedules assume the scheduler roles', () => {
    const roles = Object.values(resources).filter(
      (r) => r.Type === 'AWS::IAM::Role' && JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
    );
    expect(roles.length).toBeGreaterThan(0);
    for (const r of roles)
      expect(r.Properties.AssumeRolePolicyDocument.Statement[0].Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '111122223333' } });
  });
});

describe('mail', () => {
  it('staff mail (invitations, resets) goes through the stage’s SES identity; the app client has no OAuth', () => {
    const [, pool] = byPath('/Staff/Pool/Resource');
    expect(pool.Properties.EmailConfiguration).toMatchObject({ EmailSendingAccount: 'DEVELOPER', From: 'Aduan <no-reply@aduan.example>' });
    expect(JSON.stringify(pool.Properties.EmailConfiguration.SourceArn)).toContain(':identity/aduan.example');
    const [, client] = byPath('/Staff/Pool/StaffClient/Resource');
    expect(client.Properties.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(client.Properties.CallbackURLs).toBeUndefined();
  });

  it('keeps bursts within SES: the mail worker is capped at its event source and every sender paces to its share', () => {
    const [fnId] = fnOf('SendNotification');
    const [, mapping] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::Lambda::EventSourceMapping' && r.Properties.FunctionName?.Ref === fnId) as [
      string,
      Resources[string],
    ];
    expect(mapping.Properties.ScalingConfig).toEqual({ MaximumConcurrency: 2 });
    // 500 a second (config/local.json: the emulator has no real limit) shared by the two mail workers and the digest.
    for (const id of ['SendNotification', 'OmbudsmanDigest']) expect(fnOf(id)[1].Properties.Environment.Variables.MAIL_SENDS_PER_SECOND).toBe('166.667');
  });
});

describe('operations: alarms and dashboard (issue 20: alarms that page)', () => {
  type Alarm = { id: string; type: string; name: string; description: string; metric?: string; namespace?: string; actions: unknown[]; rule?: unknown };
  let alarms: Alarm[];
  let ops: Resources;
  let topics: { pages: string; notices: string };
  beforeAll(() => {
    const { stack } = synthStack('prod');
    ops = Template.fromStack(stack.operations).toJSON().Resources as Resources;
    alarms = Object.entries(ops)
      .filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm' || r.Type === 'AWS::CloudWatch::CompositeAlarm')
      .map(([id, r]) => ({
        id,
        type: r.Type,
        name: r.Properties.AlarmName,
        description: r.Properties.AlarmDescription,
        metric: r.Properties.MetricName,
        namespace: r.Properties.Namespace,
        actions: r.Properties.AlarmActions ?? [],
        rule: r.Properties.AlarmRule,
      }));
    const topicId = (display: string) =>
      (Object.entries(ops).find(([, r]) => r.Type === 'AWS::SNS::Topic' && String(r.Properties.DisplayName).endsWith(display)) as [string, unknown])[0];
    topics = { pages: topicId('alarms'), notices: topicId('notices') };
  });
  const named = (part: string) => alarms.filter((a) => a.name.includes(part));
  const byMetric = (metric: string, namespace = 'Aduan') => alarms.find((a) => a.metric === metric && a.namespace === namespace);

  it('watches what breaks first: queue age, API p99 and 4xx, the code’s own failure metrics, SES, the firewall, a probe from outside', () => {
    for (const q of Object.values(QUEUES)) expect(named(`Queue-${q.id}-DLQ`), q.id).toHaveLength(1);
    for (const q of ['routing', 'notification']) {
      const age = alarms.find((a) => a.name.includes(`Queue-${q}-Queue-Message-Age-Max`));
      expect(age, q).toBeDefined();
    }
    expect(named('-Api-Fault-Count')).toHaveLength(1);
    expect(named('-Api-Latency-P99')).toHaveLength(1);
    // cdk-monitoring-constructs names the API's 4xx count alarm "Error-Count" (5xx is "Fault-Count").
    expect(JSON.stringify(Object.values(ops).find((r) => String(r.Properties?.AlarmName).includes('-Api-Error-Count')))).toContain('4XXError');
    for (const m of ['OutboxRelayFailed', 'IdentityErasuresFailed', 'OmbudsmanDigestsFailed', 'SweepFailures', 'SweepLagMinutes', 'CalendarYearsMissing'])
      expect(byMetric(m), m).toBeDefined();
    for (const m of ['HealthProbeFailed', 'SesSandbox', 'SesSendingPaused', 'SesQuotaUsedPercent', 'SesAccountUnreadable', 'MalwareScansWithoutVerdict'])
      expect(byMetric(m), m).toBeDefined();
    expect(byMetric('Reputation.BounceRate', 'AWS/SES')).toBeDefined();
    expect(byMetric('Reputation.ComplaintRate', 'AWS/SES')).toBeDefined();
    const firewall = Object.values(ops).find((r) => r.Type === 'AWS::CloudWatch::Alarm' && r.Properties.Namespace === 'AWS/WAFV2');
    expect(firewall?.Properties.Dimensions).toEqual(
      expect.arrayContaining([
        { Name: 'WebACL', Value: 'AduanApiFirewall' },
        { Name: 'Rule', Value: 'ALL' },
        { Name: 'Region', Value: 'ap-southeast-3' },
      ]),
    );
    // No traffic is not health: a probe that stops reporting is an alarm, not silence.
    expect(Object.values(ops).find((r) => r.Properties?.MetricName === 'HealthProbeFailed')?.Properties.TreatMissingData).toBe('breaching');
  });

  it('groups the functions’ alarms: 2 composites page or mail, the per-function alarms notify nobody', () => {
    for (const f of FUNCTIONS) {
      for (const kind of ['Fault-Count', 'Throttled-Count']) {
        const [a] = named(`-${f.id}-${kind}`);
        expect(a, `${f.id} ${kind}`).toBeDefined();
        expect(a?.actions, `${f.id} ${kind}`).toEqual([]);
      }
    }
    const composites = alarms.filter((a) => a.type === 'AWS::CloudWatch::CompositeAlarm');
    expect(composites.map((c) => c.name).sort()).toEqual([expect.stringContaining('Functions-Failing'), expect.stringContaining('Functions-Throttled')]);
    const failing = composites.find((c) => c.name.includes('Failing')) as Alarm;
    expect(failing.actions).toEqual([{ Ref: topics.pages }]);
    // Every function's fault alarm is in the rule, under CloudWatch's 10,240-character limit.
    const rule = JSON.stringify(failing.rule);
    for (const f of FUNCTIONS) expect(rule, f.id).toContain(named(`-${f.id}-Fault-Count`)[0]?.id);
    const longestName = Math.max(...alarms.map((a) => `arn:aws:cloudwatch:ap-southeast-3:111122223333:alarm:${a.name}`.length + 10));
    expect(FUNCTIONS.length * longestName).toBeLessThan(10_240);
  });

  it('every alarm that notifies reaches pages or notices, and names its runbook entry in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const notifying = alarms.filter((a) => a.actions.length > 0);
    expect(notifying.length).toBeGreaterThan(20);
    for (const a of notifying) {
      expect([[{ Ref: topics.pages }], [{ Ref: topics.notices }]], a.name).toContainEqual(a.actions);
      const anchor = a.description.match(/#([a-z0-9-]+)\.$/)?.[1];
      expect(anchor, a.name).toBeDefined();
      expect(readme, `runbook entry for ${a.name}`).toContain(`<a id="${anchor}"></a>`);
    }
    // Far fewer mails than alarms: the per-function ones are silent.
    expect(notifying.length).toBeLessThan(alarms.length / 2);
    for (const topic of [topics.pages, topics.notices])
      expect(Object.values(ops).find((r) => r.Type === 'AWS::SNS::Subscription' && r.Properties.TopicArn?.Ref === topic)?.Properties).toMatchObject({
        Protocol: 'email',
        Endpoint: 'operasi@contoh.go.id',
      });
    expect(Object.values(ops).filter((r) => r.Type === 'AWS::CloudWatch::Dashboard').length).toBeGreaterThan(0);
  });

  it('sends pages, and only pages, to a pager or chat hook when the settings name one', () => {
    const { stack } = stackApp(mkdtempSync(path.join(tmpdir(), 'aduan-pager-')), 'prod', '111122223333', {
      ...exampleSettings(),
      pagerUrl: 'https://events.pagerduty.com/integration/abc/enqueue',
    });
    const subs = Object.values(Template.fromStack(stack.operations).toJSON().Resources as Resources).filter((r) => r.Type === 'AWS::SNS::Subscription');
    const https = subs.filter((r) => r.Properties.Protocol === 'https');
    expect(https).toHaveLength(1);
    expect(https[0]?.Properties.Endpoint).toBe('https://events.pagerduty.com/integration/abc/enqueue');
    expect(String(https[0]?.Properties.TopicArn.Ref)).toMatch(/^Alarms/);
  }, 120_000);
});

describe('malware scanning of attachments (prod)', () => {
  it('GuardDuty scans stored/ and its verdicts reach the upload queue; dev has none', () => {
    const prod = synthStack('prod').template;
    prod.hasResourceProperties('AWS::GuardDuty::MalwareProtectionPlan', {
      ProtectedResource: { S3Bucket: { ObjectPrefixes: ['stored/'] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
    });
    prod.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Malware Protection Object Scan Result'] },
      Targets: [Match.objectLike({ Arn: Match.objectLike({ 'Fn::GetAtt': [Match.stringLikeRegexp('^UploadQueue'), 'Arn'] }) })],
    });
    prod.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ ATTACHMENT_MALWARE_SCAN: 'true' }) },
    });
    template.resourceCountIs('AWS::GuardDuty::MalwareProtectionPlan', 0);
    // The plan's role has what AWS documents, the validation object included, and the plan waits for it (issue 20).
    const all = prod.toJSON().Resources as Record<string, { Type: string; DependsOn?: string[]; Properties: Record<string, any> }>;
    const [, plan] = Object.entries(all).find(([, r]) => r.Type === 'AWS::GuardDuty::MalwareProtectionPlan') as [string, (typeof all)[string]];
    const roleId = plan.Properties.Role['Fn::GetAtt'][0] as string;
    const policy = Object.entries(all).find(([id, r]) => r.Type === 'AWS::IAM::Policy' && id.startsWith(roleId.replace(/[0-9A-F]{8}$/, ''))) as [
      string,
      (typeof all)[string],
    ];
    expect(plan.DependsOn).toEqual(expect.arrayContaining([roleId, policy[0]]));
    const statements = JSON.stringify(policy[1].Properties.PolicyDocument.Statement);
    for (const action of ['s3:ListBucket', 's3:PutBucketNotification', 's3:GetObject', 's3:PutObjectTagging', 'events:PutRule'])
      expect(statements).toContain(action);
    expect(statements).toContain('/malware-protection-resource-validation-object');
  });
});

describe('queues', () => {
  it('every work queue has a DLQ (maxReceiveCount 5, 14 days) and a visibility timeout ≥ 6× its consumer', () => {
    for (const q of Object.values(QUEUES)) {
      const [, queue] = byPath(`/${q.constructId}/Resource`);
      const [dlqId, dlq] = byPath(`/${q.constructId}Dlq/Resource`);
      expect(queue.Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 5 });
      expect(dlq.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
      expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(VISIBILITY_TIMEOUT_FACTOR * consumerOf(q.id).timeoutSeconds);
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    }
  });

  it('no queue other than a DLQ lacks a redrive policy', () => {
    const queues = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::SQS::Queue');
    const dlqIds = new Set(queues.filter(([, r]) => !r.Properties.RedrivePolicy).map(([id]) => id));
    const targets = new Set(queues.flatMap(([, r]) => (r.Properties.RedrivePolicy ? [r.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0]] : [])));
    expect([...dlqIds].sort()).toEqual([...targets].sort());
  });

  it('every SQS event source reports batch item failures with the declared batch size', () => {
    for (const spec of FUNCTIONS) {
      if (spec.trigger.kind !== 'queue') continue;
      const [fnId] = fnOf(spec.id);
      const [queueId] = byPath(`/${QUEUES[spec.trigger.queue].constructId}/Resource`);
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: fnId },
        EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
        BatchSize: spec.trigger.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    }
    const mappings = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
    expect(mappings.every((m) => m.Properties.FunctionResponseTypes?.includes('ReportBatchItemFailures'))).toBe(true);
  });
});

describe('data', () => {
  it('tables are on-demand, encrypted, point-in-time recoverable, deletion protected and retained', () => {
    const tables = Object.values(resources).filter((r) => r.Type === 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      expect(t.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      });
      expect(t.DeletionPolicy).toBe('RetainExceptOnCreate');
    }
  });
});

describe('IAM is scoped to what each function uses', () => {
  it('only X-Ray and the probe’s read of the SES account get a * resource (neither has resource-level permissions)', () => {
    for (const spec of FUNCTIONS) {
      for (const s of policyOf(spec.id)) {
        if (s.Resource === '*')
          expect(
            actions(s).every((a) => a.startsWith('xray:') || (a === 'ses:GetAccount' && spec.needs.some((n) => n.kind === 'probe'))),
            `${spec.id}: ${actions(s)}`,
          ).toBe(true);
      }
    }
  });

  it('functions without a table get no DynamoDB access; readers cannot write; only erasers delete; nobody scans or batch-writes', () => {
    const [tableId] = byPath('/Data/Complaints/Resource');
    for (const spec of FUNCTIONS) {
      const need = <K extends Capability['kind']>(kind: K) => spec.needs.filter((n): n is Extract<Capability, { kind: K }> => n.kind === kind);
      const table = need('table')[0]?.access ?? 'none';
      const all = policyOf(spec.id).flatMap(actions);
      const onTable = policyOf(spec.id)
        .filter((s) => JSON.stringify(s.Resource).includes(tableId))
        .flatMap(actions);
      expect(
        onTable.filter((a) => /Scan|BatchWrite/.test(a)),
        spec.id,
      ).toEqual([]);
      expect(onTable.includes('dynamodb:DeleteItem'), spec.id).toBe(table === 'readWriteDelete');
      if (table === 'none' && !need('idempotency').length)
        expect(
          all.some((a) => a.startsWith('dynamodb:')),
          spec.id,
        ).toBe(false);
      if (table === 'read')
        expect(
          all.some((a) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)),
          spec.id,
        ).toBe(false);
      if (!need('sendsTo').length) expect(all, spec.id).not.toContain('sqs:SendMessage');
      // Without mail, no SES action but the probe's read of the account (quota, sandbox).
      if (!need('mail').length)
        expect(
          all.filter((a) => a.startsWith('ses:')),
          spec.id,
        ).toEqual(need('probe').length ? ['ses:GetAccount'] : []);
    }
  });

  it('email may be sent only from the configured sender identity', () => {
    const ses = policyOf('SendNotification').find((s) => actions(s).includes('ses:SendEmail')) as { Resource: unknown; Condition?: unknown };
    expect(JSON.stringify(ses.Resource)).toContain(':identity/aduan.example');
    expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@aduan.example' } });
  });
});

describe('API', () => {
  it('serves every declared HTTP route, by its whole path and method, with its own function — and nothing else', () => {
    // A resource's whole path: its PathPart after its parent's (the root has none).
    const fullPath = (logicalId: string): string => {
      const r = resources[logicalId] as Resources[string];
      const parent = r.Properties.ParentId as { Ref?: string };
      return `${parent.Ref ? fullPath(parent.Ref) : ''}/${r.Properties.PathPart}`;
    };
    const served = Object.values(resources)
      .filter((r) => r.Type === 'AWS::ApiGateway::Method' && r.Properties.HttpMethod !== 'OPTIONS')
      .map((m) => {
        const uri = JSON.stringify(m.Properties.Integration?.Uri ?? '');
        const fn = FUNCTIONS.find((f) => uri.includes(`"${fnOf(f.id)[0]}"`));
        return `${m.Properties.HttpMethod} ${fullPath((m.Properties.ResourceId as { Ref: string }).Ref)} -> ${fn?.id} (${m.Properties.Integration?.Type})`;
      })
      .sort();
    const declared = FUNCTIONS.flatMap((f) => (f.trigger.kind === 'http' ? [`${f.trigger.method} ${f.trigger.path} -> ${f.id} (AWS_PROXY)`] : [])).sort();
    expect(served).toEqual(declared);
  });

  it('throttles, validates the submission body with the zod-generated model and answers problem+json', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: Match.arrayWith([Match.objectLike({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 })]),
    });
    template.hasResourceProperties('AWS::ApiGateway::Model', {
      Name: 'SubmitComplaint',
      Schema: Match.objectLike({ required: Match.arrayWith(['type', 'title', 'anonymous', 'confidential']), additionalProperties: false }),
    });
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true });
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'BAD_REQUEST_BODY',
      ResponseParameters: Match.objectLike({ 'gatewayresponse.header.Content-Type': "'application/problem+json'" }),
    });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  it('runs each scheduled function from EventBridge Scheduler', () => {
    for (const spec of FUNCTIONS) {
      if (spec.trigger.kind !== 'schedule') continue;
      const [fnId] = fnOf(spec.id);
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: rateExpression(spec.trigger.everyMinutes),
        Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] } }),
      });
    }
  });
});

describe('issue 7: what the stack holds against hostile users and for privacy', () => {
  it('lets staff write no custom attribute: the agency and province an officer acts for are set by administrators only', () => {
    const clients = Object.values(resources).filter((r) => r.Type === 'AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(1);
    const writable = clients[0]?.Properties.WriteAttributes as string[];
    expect(writable).toEqual(expect.arrayContaining(['locale']));
    expect(writable.filter((a) => a.startsWith('custom:'))).toEqual([]);
  });

  it('gives every route its own throttle bucket at the gateway, scaled by the stage', () => {
    const [, stage] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::ApiGateway::Stage') as [string, Resources[string]];
    const settings = stage.Properties.MethodSettings as { ResourcePath: string; HttpMethod: string; ThrottlingRateLimit: number }[];
    for (const f of FUNCTIONS) {
      if (f.trigger.kind !== 'http') continue;
      const { path, method, throttle } = f.trigger;
      // CloudFormation escapes "/" in a method setting's resource path as "~1".
      const setting = settings.find((s) => s.HttpMethod === method && s.ResourcePath === `/${path.replaceAll('/', '~1')}`);
      expect(setting, `${method} ${path}`).toMatchObject({ ThrottlingRateLimit: throttle.ratePerSecond });
    }
  });

  it('declares every required query parameter at the gateway', () => {
    const methods = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGateway::Method' && r.Properties.HttpMethod === 'GET');
    const required = methods.flatMap((m) => Object.keys(m.Properties.RequestParameters ?? {}).filter((k) => k.startsWith('method.request.querystring.')));
    expect(required.sort()).toEqual(['method.request.querystring.regionCode', 'method.request.querystring.start', 'method.request.querystring.workingDays']);
  });

  it('keeps no client IP: access logs without it, no API Gateway tracing, no WAF request samples; every log group follows the stage retention', () => {
    const [, stage] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::ApiGateway::Stage') as [string, Resources[string]];
    expect(stage.Properties.AccessLogSetting.Format).not.toContain('sourceIp');
    expect(stage.Properties.TracingEnabled).not.toBe(true);
    const acl = Object.values(resources).find((r) => r.Type === 'AWS::WAFv2::WebACL') as Resources[string];
    expect(acl.Properties.VisibilityConfig.SampledRequestsEnabled).toBe(false);
    for (const rule of acl.Properties.Rules as { VisibilityConfig: { SampledRequestsEnabled: boolean } }[])
      expect(rule.VisibilityConfig.SampledRequestsEnabled).toBe(false);
    const retention = Object.values(resources)
      .filter((r) => r.Type === 'AWS::Logs::LogGroup')
      .map((r) => r.Properties.RetentionInDays);
    expect(new Set(retention)).toEqual(new Set([30]));
  });

  it('encrypts reporter identities with a rotating customer-managed key: the two intakes may encrypt, four may decrypt, no other holds a grant', () => {
    expect(Object.values(resources).filter((r) => r.Type === 'AWS::KMS::Key')).toHaveLength(2);
    const [keyId, key] = byPath('/IdentityKey/Key/Resource');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    const onKey = (s: { Resource: unknown }) => JSON.stringify(s.Resource).includes(keyId);
    const holders = (action: string) =>
      FUNCTIONS.filter((f) => policyOf(f.id).some((s) => onKey(s) && actions(s).includes(action)))
        .map((f) => f.id)
        .sort();
    // Views (reporter, staff), the notification mail, and an operator's export of one person's data.
    expect(holders('kms:Decrypt')).toEqual(['ComplaintActions', 'GetComplaint', 'PersonalData', 'SendNotification']);
    // The API's submission and the Open311 intake.
    expect(holders('kms:Encrypt')).toEqual(['Open311CreateRequest', 'SubmitComplaint']);
    expect(FUNCTIONS.filter((f) => policyOf(f.id).some(onKey)).length).toBe(6);
  });

  it('signs case bundles (and the daily chain heads) with an asymmetric key only the export and the publisher may sign with (issues 12, 18)', () => {
    const [keyId, key] = byPath('/BundleKey/Key/Resource');
    expect(key.Properties).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const onKey = (s: { Resource: unknown }) => JSON.stringify(s.Resource).includes(keyId);
    const holders = (action: string) =>
      FUNCTIONS.filter((f) => policyOf(f.id).some((s) => onKey(s) && actions(s).includes(action)))
        .map((f) => f.id)
        .sort();
    expect(holders('kms:Sign')).toEqual(['ExportCaseBundle', 'PublishChainHeads']);
    expect(holders('kms:GetPublicKey')).toEqual(['BundlePublicKey', 'ExportCaseBundle', 'PublishChainHeads', 'VerifyCaseBundle']);
  });

  it.each([
    ['CursorKey', 'CURSOR_KEY_SECRET_ARN', (f: (typeof FUNCTIONS)[number]) => f.needs.some((n) => n.kind === 'cursors')],
    ['ContactLookupKey', 'CONTACT_KEY_SECRET_ARN', (f: (typeof FUNCTIONS)[number]) => f.needs.some((n) => n.kind === 'contacts')],
  ])('%s: a generated secret whose ARN (never its value) only the functions that use it are given, with read of that secret alone', (id, env, uses) => {
    const [secretId] = byPath(`/${id}/Secret/Resource`);
    const users = FUNCTIONS.filter(uses).map((f) => f.id);
    expect(users.length).toBeGreaterThan(0);
    for (const f of FUNCTIONS) {
      const [, fn] = fnOf(f.id);
      const value = fn.Properties.Environment?.Variables?.[env] ?? null;
      const reads = policyOf(f.id).some((s) => actions(s).includes('secretsmanager:GetSecretValue') && JSON.stringify(s.Resource).includes(secretId));
      if (users.includes(f.id)) {
        expect(value).toEqual({ Ref: secretId });
        expect(reads).toBe(true);
      } else {
        expect(value).toBeNull();
        expect(reads).toBe(false);
      }
    }
  });
});

describe('issue 10: the portal behind CloudFront', () => {
  const portalByPath = (suffix: string) => {
    const found = Object.entries(portal.toJSON().Resources as Resources).find(([, r]) => String(r.Metadata?.['aws:cdk:path'] ?? '').endsWith(suffix));
    if (!found) throw new Error(`no portal resource at …${suffix}`);
    return found;
  };

  it('keeps the files in a private, encrypted bucket that only the distribution reads (origin access control)', () => {
    const [bucketId, bucket] = portalByPath('/Portal/Files/Resource');
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption).toBeDefined();
    portal.hasResourceProperties('AWS::CloudFront::OriginAccessControl', { OriginAccessControlConfig: Match.objectLike({ SigningBehavior: 'always' }) });
    const [, policy] = portalByPath('/Portal/Files/Policy/Resource');
    const reads = policy.Properties.PolicyDocument.Statement.filter((s: { Action: string | string[] }) => actions(s).includes('s3:GetObject'));
    expect(reads).toEqual([expect.objectContaining({ Principal: { Service: 'cloudfront.amazonaws.com' }, Effect: 'Allow' })]);
    expect(JSON.stringify(reads)).toContain(bucketId);
  });

  it('serves /v1/* from the API on the same origin, uncached, with every header but Host', () => {
    const [, dist] = portalByPath('/Portal/Distribution/Resource');
    const config = dist.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/v1/*');
    expect(api).toMatchObject({
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'OPTIONS']),
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // AllViewerExceptHostHeader
      ViewerProtocolPolicy: 'https-only',
    });
    const origin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    // The stage's path, so `/v1/…` reaches `/<stage>/v1/…` at API Gateway.
    expect(JSON.stringify(origin.OriginPath)).toContain('DeploymentStagedev');
    expect(JSON.stringify(origin.DomainName)).toContain('execute-api');
  });

  it('sends the portal’s security headers (the local gateway’s, from one module) on both behaviours', async () => {
    const { contentSecurityPolicy } = await import('../../portal/headers');
    const [policyId, policy] = portalByPath('/Portal/SecurityHeaders/Resource');
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    // The CSP names the region's S3 hosts (uploads and previews; the bucket's name is generated), nothing wider.
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain('https://*.s3.');
    expect(csp).not.toMatch(/connect-src[^;]*https:\/\/\*[^.]/);
    expect(csp).toContain(JSON.stringify(contentSecurityPolicy('ORIGIN').split('ORIGIN')[0]).slice(1, -1));
    expect(contentSecurityPolicy('https://b.s3.ap-southeast-3.amazonaws.com')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true });
    const [, dist] = portalByPath('/Portal/Distribution/Resource');
    const behaviours = [dist.Properties.DistributionConfig.DefaultCacheBehavior, ...dist.Properties.DistributionConfig.CacheBehaviors];
    for (const b of behaviours) expect(b.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });
});
