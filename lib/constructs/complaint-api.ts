import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  Cors,
  EndpointType,
  type JsonSchema,
  JsonSchemaVersion,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  type Model,
  RequestValidator,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { z } from 'zod';
import { submitComplaintSchema } from '../../functions/contract/submit-complaint';
import type { StageConfig } from '../config';
import type { Trigger } from '../wiring';

/** Request body models, generated from the same zod schemas the handlers validate with. */
export const REQUEST_MODELS: Record<string, { name: string; schema: () => JsonSchema }> = {
  'POST /v1/complaints': {
    name: 'SubmitComplaint',
    schema: () => {
      const { $schema: _draft, ...schema } = z.toJSONSchema(submitComplaintSchema, { target: 'draft-4', io: 'input', unrepresentable: 'any' });
      // CDK's JsonSchema uses the draft-04 keywords with `schema` for `$schema`.
      return { ...(schema as JsonSchema), schema: JsonSchemaVersion.DRAFT4 };
    },
  },
};

const problemTemplate = (status: number, title: string, detail: string) =>
  JSON.stringify({ type: 'about:blank', title, status, detail }).replace('"__DETAIL__"', detail);

/** The public HTTP API: REST API with throttling, access logs, validation and problem+json errors. */
export class ComplaintApi extends Construct {
  readonly api: RestApi;
  private readonly bodyValidator: RequestValidator;
  private readonly models = new Map<string, Model>();
  private readonly staffAuthorizer: CognitoUserPoolsAuthorizer;

  constructor(scope: Construct, id: string, props: { config: StageConfig; removalPolicy: RemovalPolicy; staffPool: IUserPool }) {
    super(scope, id);
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR, removalPolicy: props.removalPolicy });
    this.api = new RestApi(this, 'Api', {
      description: 'Aduan: public-service complaints (SP4N-LAPOR! style)',
      endpointTypes: [EndpointType.REGIONAL],
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.DESTROY,
      deployOptions: {
        stageName: props.config.stage,
        throttlingRateLimit: props.config.api.throttleRatePerSecond,
        throttlingBurstLimit: props.config.api.throttleBurst,
        loggingLevel: MethodLoggingLevel.ERROR,
        tracingEnabled: true,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        // No request bodies or headers in access logs: they may carry identities and tokens.
        accessLogFormat: AccessLogFormat.jsonWithStandardFields({
          caller: false,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: false,
        }),
      },
      defaultCorsPreflightOptions: {
        allowOrigins: Cors.ALL_ORIGINS,
        allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
        allowMethods: ['GET', 'POST', 'OPTIONS'],
      },
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason: "API Gateway's account-level logging role; this AWS managed policy is the documented way to grant it.",
    });
    // Junk and abuse are the real load: a per-IP rate limit and AWS's IP reputation list
    // in front of the public API.
    const waf = new CfnWebACL(this, 'Firewall', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'AduanApiFirewall', sampledRequestsEnabled: true },
      rules: [
        {
          name: 'RatePerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.config.api.wafRateLimitPer5Min, aggregateKeyType: 'IP' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'AduanRatePerIp', sampledRequestsEnabled: true },
        },
        {
          name: 'AwsIpReputation',
          priority: 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesAmazonIpReputationList' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'AduanIpReputation', sampledRequestsEnabled: true },
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
    const problemHeaders = { 'Content-Type': "'application/problem+json'", 'Access-Control-Allow-Origin': "'*'" };
    this.api.addGatewayResponse('BadBody', {
      type: ResponseType.BAD_REQUEST_BODY,
      statusCode: '400',
      responseHeaders: problemHeaders,
      templates: {
        'application/json':
          '{"type":"about:blank","title":"Permintaan tidak valid","status":400,"detail":"Periksa kembali isian laporan Anda.","errors":[{"field":"(body)","message":"$util.escapeJavaScript($context.error.validationErrorString)"}]}',
      },
    });
    this.api.addGatewayResponse('Default4xx', {
      type: ResponseType.DEFAULT_4XX,
      responseHeaders: problemHeaders,
      templates: { 'application/json': problemTemplate(400, 'Permintaan ditolak', '$context.error.messageString') },
    });
    this.api.addGatewayResponse('Default5xx', {
      type: ResponseType.DEFAULT_5XX,
      responseHeaders: problemHeaders,
      templates: { 'application/json': problemTemplate(500, 'Kesalahan server', '$context.error.messageString') },
    });
  }

  route(trigger: Extract<Trigger, { kind: 'http' }>, fn: LambdaFunction) {
    const resource = this.api.root.resourceForPath(trigger.path);
    const key = `${trigger.method} ${trigger.path}`;
    const modelSpec = REQUEST_MODELS[key];
    let model = this.models.get(key);
    if (modelSpec && !model) {
      model = this.api.addModel(`${modelSpec.name}Model`, { contentType: 'application/json', modelName: modelSpec.name, schema: modelSpec.schema() });
      this.models.set(key, model);
    }
    const pathParams = [...trigger.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const method = resource.addMethod(trigger.method, new LambdaIntegration(fn, { proxy: true }), {
      requestValidator: this.bodyValidator,
      ...(trigger.auth === 'staff' ? { authorizer: this.staffAuthorizer, authorizationType: AuthorizationType.COGNITO } : {}),
      ...(model ? { requestModels: { 'application/json': model } } : {}),
      requestParameters: Object.fromEntries(pathParams.map((p) => [`method.request.path.${p}`, true])),
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
