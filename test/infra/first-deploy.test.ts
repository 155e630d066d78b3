/**
 * The first `cdk deploy` (issue 20): held by the synthesized prod stack with the example settings.
 * Cognito refuses a pool whose SES sender is not verified, so staff mail goes through Cognito's own
 * sender until the operator says the identity is verified; a failed first deploy leaves nothing
 * retained behind to block the retry; features not confirmed in Jakarta are the operator's choice.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_FUNCTION_CODE, VIEWER_ADDRESS_HEADER } from '../../lib/constructs/viewer-address';
import type { OperatorSettings } from '../../lib/settings';
import { exampleSettings, stackApp } from '../../local/template';

const synth = (over: (s: OperatorSettings) => OperatorSettings = (s) => s) => {
  const { app, stack, billing } = stackApp(mkdtempSync(path.join(tmpdir(), 'aduan-first-deploy-')), 'prod', '111122223333', over(exampleSettings()));
  return { app, stack, billing, template: Template.fromStack(stack) };
};

describe('the first deploy', () => {
  it('mails staff through Cognito until the SES identity is verified, then through SES; prints the DKIM records', () => {
    const first = synth().template;
    const pool = () => Object.values(first.findResources('AWS::Cognito::UserPool'))[0] as { Properties: { EmailConfiguration?: Record<string, unknown> } };
    expect(pool().Properties.EmailConfiguration).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
    const outputs = first.toJSON().Outputs as Record<string, { Value: unknown; Description?: string }>;
    const dkim = Object.entries(outputs).filter(([, o]) => String(o.Description).startsWith('DKIM CNAME'));
    expect(dkim).toHaveLength(3);

    const second = synth((s) => ({ ...s, sesIdentity: { ...s.sesIdentity, verified: true } })).template;
    const pool2 = Object.values(second.findResources('AWS::Cognito::UserPool'))[0] as { Properties: { EmailConfiguration?: Record<string, unknown> } };
    expect(pool2.Properties.EmailConfiguration).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: expect.stringContaining('no-reply@lapor.contoh.go.id'),
    });
  }, 120_000);

  it('retains data except on a failed create: no resource is plain Retain', () => {
    const { template } = synth();
    const resources = template.toJSON().Resources as Record<string, { Type: string; DeletionPolicy?: string }>;
    const retained = Object.entries(resources).filter(([, r]) => r.DeletionPolicy && r.DeletionPolicy !== 'Delete');
    expect(retained.length).toBeGreaterThan(5);
    expect(retained.filter(([, r]) => r.DeletionPolicy !== 'RetainExceptOnCreate').map(([id, r]) => `${id} ${r.Type} ${r.DeletionPolicy}`)).toEqual([]);
    // The tables, keys, user pool and SES identity are among them.
    const types = new Set(retained.map(([, r]) => r.Type));
    for (const t of ['AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::Cognito::UserPool', 'AWS::SES::EmailIdentity']) expect(types).toContain(t);
  }, 120_000);

  it('turns on features not confirmed in Jakarta only by the operator’s setting, and says which are on', () => {
    const off = synth((s) => ({ ...s, features: { malwareScan: false } }));
    const pool = Object.values(off.template.findResources('AWS::Cognito::UserPool'))[0] as { Properties: Record<string, unknown> };
    expect(pool.Properties.UserPoolTier).toBe('ESSENTIALS');
    expect(pool.Properties.UserPoolAddOns).toBeUndefined();
    expect(Object.keys(off.template.findResources('AWS::GuardDuty::MalwareProtectionPlan'))).toHaveLength(0);
    const checker = Object.values(off.template.findResources('AWS::Lambda::Function')).find((f) => JSON.stringify(f).includes('ATTACHMENT_MALWARE_SCAN')) as {
      Properties: { Environment: { Variables: Record<string, string> } };
    };
    expect(checker.Properties.Environment.Variables.ATTACHMENT_MALWARE_SCAN).toBe('false');
    const info = Annotations.fromStack(off.stack).findInfo('*', Match.stringLikeRegexp('malware scanning OFF'));
    expect(info).toHaveLength(1);
    expect(String(info[0]?.entry.data)).toContain('threat protection OFF');

    const on = synth((s) => ({ ...s, features: { malwareScan: true, staffThreatProtection: true } }));
    const poolOn = Object.values(on.template.findResources('AWS::Cognito::UserPool'))[0] as { Properties: Record<string, unknown> };
    expect(poolOn.Properties.UserPoolTier).toBe('PLUS');
    expect(poolOn.Properties.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    expect(Object.keys(on.template.findResources('AWS::GuardDuty::MalwareProtectionPlan'))).toHaveLength(1);
  }, 120_000);

  it('serves the portal at the operator’s domain with TLSv1.2_2021, and refuses a portalUrl the distribution would not serve', () => {
    const { stack } = synth();
    const [distribution] = Object.values(Template.fromStack(stack.portal).findResources('AWS::CloudFront::Distribution')) as {
      Properties: { DistributionConfig: Record<string, any> };
    }[];
    const config = distribution?.Properties.DistributionConfig;
    expect(config?.Aliases).toEqual(['lapor.contoh.go.id']);
    expect(config?.ViewerCertificate).toMatchObject({
      AcmCertificateArn: expect.stringMatching(/^arn:aws:acm:us-east-1:/),
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    expect(() => synth((s) => ({ ...s, portalUrl: 'https://lain.contoh.go.id' }))).toThrow(/not served by the distribution/);
    expect(() => synth(({ portal: _p, ...s }) => s)).toThrow(/portal.domain and portal.certificateArn/);
  }, 120_000);

  it('lets no client lift its limits: only CloudFront reaches the API, and the firewall counts the viewer’s real address', () => {
    const { stack, template } = synth();
    const [acl] = Object.values(template.findResources('AWS::WAFv2::WebACL')) as { Properties: { Rules: Record<string, any>[] } }[];
    const rules = acl?.Properties.Rules ?? [];
    // First: a request without CloudFront's secret header is refused (the execute-api address is reachable).
    expect(rules[0]).toMatchObject({ Name: 'OnlyThroughCloudFront', Priority: 0, Action: { Block: {} } });
    const match = rules[0]?.Statement.NotStatement.Statement.ByteMatchStatement;
    expect(match.FieldToMatch).toEqual({ SingleHeader: { Name: ORIGIN_VERIFY_HEADER } });
    expect(JSON.stringify(match.SearchString)).toContain('resolve:secretsmanager');
    expect(rules[1]?.Statement.RateBasedStatement.ForwardedIPConfig).toEqual({ HeaderName: VIEWER_ADDRESS_HEADER, FallbackBehavior: 'MATCH' });
    // CloudFront sends the same secret (resolved in the portal's nested stack from the same secret's
    // ARN) and runs the viewer-address function on every API request.
    const portal = Template.fromStack(stack.portal);
    const [distribution] = Object.values(portal.findResources('AWS::CloudFront::Distribution')) as {
      Properties: { DistributionConfig: Record<string, any> };
    }[];
    const api = distribution?.Properties.DistributionConfig.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/v1/*');
    expect(api.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
    const origin = distribution?.Properties.DistributionConfig.Origins.find((o: { OriginCustomHeaders?: unknown }) => o.OriginCustomHeaders);
    const [header] = origin.OriginCustomHeaders;
    expect(header.HeaderName).toBe(ORIGIN_VERIFY_HEADER);
    expect(JSON.stringify(header.HeaderValue)).toContain('resolve:secretsmanager');
    // The ARN the portal resolves is the firewall's secret, passed down as a parameter.
    const secretRef = JSON.stringify(match.SearchString).match(/"Ref":"(OriginSecret[A-Za-z0-9]+|[A-Za-z0-9]*OriginSecret[A-Za-z0-9]*)"/)?.[1];
    expect(secretRef).toBeDefined();
    const [nested] = Object.values(template.findResources('AWS::CloudFormation::Stack', { Properties: { TemplateURL: Match.anyValue() } })).filter((r) =>
      JSON.stringify(r).includes('Portal'),
    ) as { Properties: { Parameters: Record<string, unknown> } }[];
    const paramName = JSON.stringify(header.HeaderValue).match(/"Ref":"([A-Za-z0-9]+)"/)?.[1] as string;
    expect(nested?.Properties.Parameters[paramName]).toEqual({ Ref: secretRef });
  }, 120_000);

  it('renders the viewer-address function: a forged X-Forwarded-For or viewer header does not move whose count a request adds to', () => {
    const handler = new Function(`${VIEWER_ADDRESS_FUNCTION_CODE}; return handler;`)() as (e: unknown) => { headers: Record<string, { value: string }> };
    // What the firewall counts, per key, as it would across these requests.
    const counts = new Map<string, number>();
    for (let i = 0; i < 50; i++) {
      const request = handler({
        viewer: { ip: '203.0.113.7' },
        request: { headers: { 'x-forwarded-for': { value: `198.51.100.${i}` }, [VIEWER_ADDRESS_HEADER]: { value: `192.0.2.${i}` } } },
      });
      const key = request.headers[VIEWER_ADDRESS_HEADER]?.value as string;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts]).toEqual([['203.0.113.7', 50]]);
  });

  it('mails the alarm address when the month’s spend nears the budget in the settings, from us-east-1 (no AWS Budgets in Jakarta)', () => {
    const { billing, template: jakarta } = synth((s) => ({ ...s, monthlyBudgetUsd: 450 }));
    jakarta.resourceCountIs('AWS::Budgets::Budget', 0);
    expect(billing.region).toBe('us-east-1');
    Template.fromStack(billing).hasResourceProperties('AWS::Budgets::Budget', {
      Budget: { BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: 450, Unit: 'USD' } },
      NotificationsWithSubscribers: [
        { Notification: { NotificationType: 'ACTUAL', Threshold: 80 }, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'operasi@contoh.go.id' }] },
        { Notification: { NotificationType: 'FORECASTED', Threshold: 100 }, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'operasi@contoh.go.id' }] },
      ],
    });
  }, 120_000);

  it('synthesizes as `cdk synth` does, cdk.json’s validation included, with no error and room under 500 resources', () => {
    const { app, stack } = synth();
    // Synthesis validates every resource type against the stage's region (a type Jakarta lacks fails here).
    expect(() => app.synth()).not.toThrow();
    for (const s of [stack]) {
      const errors = Annotations.fromStack(s).findError('*', Match.anyValue());
      expect(errors.map((e) => `${e.id}: ${JSON.stringify(e.entry.data)}`)).toEqual([]);
    }
    // CloudFormation refuses a stack of more than 500 resources: keep room for the next feature.
    const count = Object.keys(Template.fromStack(stack).toJSON().Resources).length;
    expect(count).toBeLessThanOrEqual(480);
  }, 180_000);
});
