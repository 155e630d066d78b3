import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Capability } from '../../functions/capabilities';
import { consumerOf, envNamesOf, FUNCTIONS, QUEUES, VISIBILITY_TIMEOUT_FACTOR } from '../../lib/wiring';
import { actions, devStack, type Resources, rateExpression } from '../support/stack-template';

let template: Template;
let resources: Resources;
let byPath: ReturnType<typeof devStack>['byPath'];
let fnOf: ReturnType<typeof devStack>['fnOf'];
let policyOf: ReturnType<typeof devStack>['policyOf'];
beforeAll(() => {
  ({ template, resources, byPath, fnOf, policyOf } = devStack());
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
    // 500 a second (config/local.json: the emulator has no real limit) shared by the two mail workers, the digest, and the
    // three staff routes that mail (at their gateway buckets' rates): 500 / (2 + 1 + 2 + 2 + 1).
    for (const id of ['SendNotification', 'OmbudsmanDigest', 'InviteStaff', 'StaffActions', 'ImportStaff'])
      expect(fnOf(id)[1].Properties.Environment.Variables.MAIL_SENDS_PER_SECOND).toBe('62.500');
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
