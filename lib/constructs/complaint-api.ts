import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  Cors,
  EndpointType,
  type IResource,
  type JsonSchema,
  JsonSchemaVersion,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RequestValidator,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import * as z from 'zod/mini';
import type { StageConfig } from '../config';
import type { Trigger } from '../wiring';
import { retentionOf } from './function';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from './viewer-address';

/** A request body model, generated from the same zod schema the handler validates with. */
function bodyModelSchema(body: z.ZodMiniType): JsonSchema {
  const { $schema: _draft, ...schema } = z.toJSONSchema(body, { target: 'draft-4', io: 'input', unrepresentable: 'any' });
  // CDK's JsonSchema uses the draft-04 keywords with `schema` for `$schema`.
  return { ...(schema as JsonSchema), schema: JsonSchemaVersion.DRAFT4 };
}

const PROBLEM_HEADERS = { 'Content-Type': "'application/problem+json'", 'Access-Control-Allow-Origin': "'*'" };

/**
 * API Gateway's own error responses as RFC 9457 problem documents. The templates are simple
 * substitution (not VTL): `$context.error.messageString` arrives already quoted, so it is never
 * wrapped in quotes again; each response states its own status. test/infra renders every one.
 */
export const GATEWAY_RESPONSES: { id: string; type: ResponseType; status?: number; title: string; detail?: string; errors?: string }[] = [
  {
    id: 'BadBody',
    type: ResponseType.BAD_REQUEST_BODY,
    status: 400,
    title: 'Permintaan tidak valid',
    errors: '[{"field":"(body)","message":"isi tidak sesuai skema; lihat GET /v1/openapi.json"}]',
  },
  { id: 'BadParameters', type: ResponseType.BAD_REQUEST_PARAMETERS, status: 400, title: 'Permintaan tidak valid' },
  { id: 'Unauthorized', type: ResponseType.UNAUTHORIZED, status: 401, title: 'Perlu masuk' },
  { id: 'AccessDenied', type: ResponseType.ACCESS_DENIED, status: 403, title: 'Tidak diizinkan' },
  // An unknown path answers "Missing Authentication Token" (403) by default: say what it is.
  { id: 'NoRoute', type: ResponseType.MISSING_AUTHENTICATION_TOKEN, status: 404, title: 'Tidak ditemukan', detail: '"Tidak ada rute untuk alamat ini."' },
  { id: 'TooLarge', type: ResponseType.REQUEST_TOO_LARGE, status: 413, title: 'Permintaan terlalu besar' },
  { id: 'MediaType', type: ResponseType.UNSUPPORTED_MEDIA_TYPE, status: 415, title: 'Jenis konten tidak didukung' },
  { id: 'Throttled', type: ResponseType.THROTTLED, status: 429, title: 'Terlalu banyak permintaan' },
  { id: 'Quota', type: ResponseType.QUOTA_EXCEEDED, status: 429, title: 'Terlalu banyak permintaan' },
  { id: 'IntegrationFailure', type: ResponseType.INTEGRATION_FAILURE, status: 502, title: 'Kesalahan server' },
  { id: 'IntegrationTimeout', type: ResponseType.INTEGRATION_TIMEOUT, status: 504, title: 'Waktu habis' },
  // The defaults cover several statuses: the status line says which, the body does not guess.
  { id: 'Default4xx', type: ResponseType.DEFAULT_4XX, title: 'Permintaan ditolak' },
  { id: 'Default5xx', type: ResponseType.DEFAULT_5XX, title: 'Kesalahan server' },
];

export const gatewayResponseTemplate = (r: (typeof GATEWAY_RESPONSES)[number]) =>
  `{"type":"about:blank","title":${JSON.stringify(r.title)},${r.status ? `"status":${r.status},` : ''}"detail":${r.detail ?? '$context.error.messageString'}${
    r.errors ? `,"errors":${r.errors}` : ''
  }}`;

/** The firewall's CloudWatch metric name: its `WebACL` dimension, which the alarms read. */
export const FIREWALL_METRIC_NAME = 'AduanApiFirewall';

/** The public HTTP API: REST API with throttling, access logs, validation and problem+json errors. */
export class ComplaintApi extends Construct {
  /** Resources that answer a CORS preflight (those with a route other origins may call). */
  private readonly preflighted = new Set<IResource>();
  /** What CloudFront sends the API with every request (the firewall refuses requests without it). */
  readonly originSecret: Secret;
  readonly api: RestApi;
  private readonly bodyValidator: RequestValidator;
  private readonly staffAuthorizer: CognitoUserPoolsAuthorizer;

  constructor(
    scope: Construct,
    id: string,
    props: { config: StageConfig; removalPolicy: RemovalPolicy; staffPool: IUserPool; routes: Extract<Trigger, { kind: 'http' }>[] },
  ) {
    super(scope, id);
    // Kept as long as the stage keeps its logs, and holding no client IP (see accessLogFormat).
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: retentionOf(props.config.logRetentionDays), removalPolicy: props.removalPolicy });
    const scale = props.config.api.routeThrottleScale;
    this.api = new RestApi(this, 'Api', {
      description: 'Aduan: public-service complaints (SP4N-LAPOR! style)',
      endpointTypes: [EndpointType.REGIONAL],
      // The API Gateway CloudWatch role is one per account and region: every stage sets it, and none
      // deletes it when it goes, so the other stages keep their logs.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
      deployOptions: {
        stageName: props.config.stage,
        throttlingRateLimit: props.config.api.throttleRatePerSecond,
        throttlingBurstLimit: props.config.api.throttleBurst,
        loggingLevel: MethodLoggingLevel.ERROR,
        // API Gateway's trace segments record the client IP; the functions trace their own work.
        tracingEnabled: false,
        // Each route its own bucket: a flood on one public route leaves the others, and staff, their share.
        methodOptions: Object.fromEntries(
          props.routes.map((r) => [
            `${r.path}/${r.method}`,
            { throttlingRateLimit: r.throttle.ratePerSecond * scale, throttlingBurstLimit: Math.ceil(r.throttle.burst * scale) },
          ]),
        ),
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        // No request bodies, headers or client IPs in access logs: they may carry identities and tokens (UU PDP).
        accessLogFormat: AccessLogFormat.jsonWithStandardFields({
          caller: false,
          httpMethod: true,
          ip: false,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: false,
        }),
      },
    });
    // API Gateway writes its execution logs (level ERROR) to a group it names itself and never
    // expires; created here, it follows the stage's retention like every other log.
    new LogGroup(this, 'ExecutionLogs', {
      logGroupName: `API-Gateway-Execution-Logs_${this.api.restApiId}/${props.config.stage}`,
      retention: retentionOf(props.config.logRetentionDays),
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason: "API Gateway's account-level logging role; this AWS managed policy is the documented way to grant it.",
    });
    // CloudFront is the only way in: it sends this secret with every request, and the firewall
    // refuses any request without it before anything else (the execute-api address stays reachable).
    this.originSecret = new Secret(this, 'OriginSecret', {
      description: 'Aduan: the header CloudFront sends the API with every request; the firewall refuses requests without it',
      generateSecretString: { passwordLength: 40, excludePunctuation: true },
    });
    Validations.of(this.originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Rotated by replacing its value and deploying: CloudFront and the firewall both read it at deploy time.',
    });
    const originSecret = this.originSecret.secretValue.unsafeUnwrap();
    // Junk and abuse are the real load: a per-viewer rate limit and AWS's IP reputation list
    // in front of the public API.
    const waf = new CfnWebACL(this, 'Firewall', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: FIREWALL_METRIC_NAME, sampledRequestsEnabled: false },
      rules: [
        {
          name: 'OnlyThroughCloudFront',
          priority: 0,
          action: { block: {} },
          statement: {
            notStatement: {
              statement: {
                byteMatchStatement: {
                  fieldToMatch: { singleHeader: { Name: ORIGIN_VERIFY_HEADER } },
                  positionalConstraint: 'EXACTLY',
                  searchString: originSecret,
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            },
          },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'AduanNotThroughCloudFront', sampledRequestsEnabled: false },
        },
        {
          name: 'RatePerIp',
          priority: 1,
          action: { block: {} },
          // Behind CloudFront every request comes from an edge address: count the viewer's real
          // address, which a CloudFront Function writes into a header no client can set
          // (viewer-address.ts) — not X-Forwarded-For, whose first entries the client writes.
          statement: {
            rateBasedStatement: {
              limit: props.config.api.wafRateLimitPer5Min,
              aggregateKeyType: 'FORWARDED_IP',
              forwardedIpConfig: { headerName: VIEWER_ADDRESS_HEADER, fallbackBehavior: 'MATCH' },
            },
          },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'AduanRatePerIp', sampledRequestsEnabled: false },
        },
        {
          name: 'AwsIpReputation',
          priority: 2,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesAmazonIpReputationList' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'AduanIpReputation', sampledRequestsEnabled: false },
        },
      ],
    });
    new CfnWebACLAssociation(this, 'FirewallAssociation', { resourceArn: this.api.deploymentStage.stageArn, webAclArn: waf.attrArn });
    this.staffAuthorizer = new CognitoUserPoolsAuthorizer(this, 'StaffAuthorizer', {
      cognitoUserPools: [props.staffPool],
      identitySource: 'method.request.header.Authorization',
    });
    this.bodyValidator = new RequestValidator(this, 'BodyValidator', {
      restApi: this.api,
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    for (const r of GATEWAY_RESPONSES) {
      this.api.addGatewayResponse(r.id, {
        type: r.type,
        ...(r.status ? { statusCode: String(r.status) } : {}),
        responseHeaders: PROBLEM_HEADERS,
        templates: { 'application/json': gatewayResponseTemplate(r) },
      });
    }
  }

  route(trigger: Extract<Trigger, { kind: 'http' }>, fn: LambdaFunction) {
    const resource = this.api.root.resourceForPath(trigger.path);
    // Other origins (a city's own app, an Open311 client) may call what citizens and reporters
    // call; staff routes serve only the portal, on this API's own origin, and answer no preflight.
    // (A preflight on every resource would also cost one resource each: the stack's 500 are finite.)
    if (trigger.auth !== 'staff' && !this.preflighted.has(resource)) {
      this.preflighted.add(resource);
      resource.addCorsPreflight({
        allowOrigins: Cors.ALL_ORIGINS,
        allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Device-Token'],
        allowMethods: ['GET', 'POST', 'OPTIONS'],
      });
    }
    // A JSON body is checked at the gateway against its model too; a form body only by the function.
    const body = trigger.input.bodyEncoding === 'form' ? undefined : trigger.input.body;
    const name = fn.node.scope?.node.id ?? 'Route';
    const model = body ? this.api.addModel(`${name}Model`, { contentType: 'application/json', modelName: name, schema: bodyModelSchema(body) }) : undefined;
    const pathParams = [...trigger.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    // Required query parameters are checked at the gateway too; everything else by the function.
    const requiredQuery = Object.entries(trigger.input.query?.shape ?? {})
      .filter(([, schema]) => !(schema as z.ZodMiniType).safeParse(undefined).success)
      .map(([name]) => name);
    const method = resource.addMethod(trigger.method, new LambdaIntegration(fn, { proxy: true, allowTestInvoke: false }), {
      requestValidator: this.bodyValidator,
      ...(trigger.auth === 'staff' ? { authorizer: this.staffAuthorizer, authorizationType: AuthorizationType.COGNITO } : {}),
      ...(model ? { requestModels: { 'application/json': model } } : {}),
      requestParameters: Object.fromEntries([
        ...pathParams.map((p) => [`method.request.path.${p}`, true]),
        ...requiredQuery.map((q) => [`method.request.querystring.${q}`, true]),
      ]),
    });
    if (trigger.auth !== 'staff') {
      for (const id of ['AwsSolutions-APIG4', 'AwsSolutions-COG4']) {
        Validations.of(method).acknowledge({
          id,
          reason:
            trigger.auth === 'public'
              ? 'Public citizen route: reporters may be anonymous and have no account.'
              : "Serves staff and reporters: the function verifies a Cognito ID token (jose: JWKS, issuer, audience) or the complaint's own access token.",
        });
      }
    }
  }
}
