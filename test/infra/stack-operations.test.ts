/** The stack's operations: alarms, their topics and runbook entries (issue 20), and malware scanning. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, QUEUES } from '../../lib/wiring';
import { exampleSettings, stackApp } from '../../local/template';
import { devStack, type Resources } from '../support/stack-template';
import { synthStack } from '../support/synth';

let template: Template;
beforeAll(() => {
  ({ template } = devStack());
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
