import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../lib/wiring';
import { actions, devStack, type Resources } from '../support/stack-template';

let resources: Resources;
let portal: Template;
let byPath: ReturnType<typeof devStack>['byPath'];
let fnOf: ReturnType<typeof devStack>['fnOf'];
let policyOf: ReturnType<typeof devStack>['policyOf'];
beforeAll(() => {
  ({ resources, portal, byPath, fnOf, policyOf } = devStack());
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

  it('declares every required query parameter at the gateway, and answers a CORS preflight only where other origins may call', () => {
    const methods = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGateway::Method' && r.Properties.HttpMethod === 'GET');
    const required = methods.flatMap((m) => Object.keys(m.Properties.RequestParameters ?? {}).filter((k) => k.startsWith('method.request.querystring.')));
    expect(required.sort()).toEqual([
      // GET /v1/compliance/{agencyId}/complaints
      'method.request.querystring.figure',
      'method.request.querystring.period',
      // GET /v1/compliance and /v1/compliance/{agencyId}
      'method.request.querystring.period',
      'method.request.querystring.period',
      'method.request.querystring.regionCode',
      'method.request.querystring.start',
      'method.request.querystring.workingDays',
    ]);
    // Staff routes serve the portal on the API's own origin: no preflight; citizens' routes answer one.
    const pathOf = (id: string) => (resources[id]?.Properties.PathPart as string | undefined) ?? '';
    const preflights = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGateway::Method' && r.Properties.HttpMethod === 'OPTIONS');
    const preflighted = new Set(preflights.map((r) => pathOf(r.Properties.ResourceId?.Ref)));
    expect(preflighted).toContain('complaints');
    expect(preflighted).not.toContain('inbox');
    expect(preflighted).not.toContain('staff');
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
    // Every function writes to the one function log group (its streams carry the function's name).
    const functionLogs = Object.entries(resources).filter(([id, r]) => r.Type === 'AWS::Logs::LogGroup' && id.startsWith('FunctionLogs'));
    expect(functionLogs).toHaveLength(1);
    const targets = Object.values(resources)
      .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Runtime?.startsWith('nodejs24'))
      .map((r) => JSON.stringify(r.Properties.LoggingConfig?.LogGroup));
    expect(targets.length).toBeGreaterThan(40);
    expect(new Set(targets)).toEqual(new Set([JSON.stringify({ Ref: functionLogs[0]?.[0] })]));
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
