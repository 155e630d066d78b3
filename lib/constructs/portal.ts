import { type CfnElement, DockerImage, Duration, NestedStack, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { RestApiOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { buildPortalSync, PORTAL_DIR } from '../../portal/build';
import { contentSecurityPolicy, HSTS_MAX_AGE_SECONDS, PERMISSIONS_POLICY } from '../../portal/headers';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_FUNCTION_CODE } from './viewer-address';

/**
 * The portal in AWS: its static files in a private bucket that only CloudFront reads (origin
 * access control), `/v1/*` forwarded to the API on the same origin (no CORS, one address for
 * people), and the security headers of portal/headers.ts on every answer.
 */
export class Portal extends NestedStack {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(
    scope: Construct,
    id: string,
    props: {
      api: RestApi;
      removalPolicy: RemovalPolicy;
      /** Where browsers upload attachments and load previews from. */
      attachmentOrigin: string;
      /** The portal's own domain and its certificate (us-east-1); without one, CloudFront's default address (dev only). */
      domain?: { name: string; certificateArn: string };
      /**
       * The secret CloudFront sends the API with every request (the API's firewall refuses any request
       * without it): resolved in this nested stack's own template, never passed down as a parameter value.
       */
      originSecret: ISecret;
    },
  ) {
    // A nested stack of its own, like the alarms: the stage's own stack stays well under
    // CloudFormation's 500 resources as routes are added.
    super(scope, id, { description: 'Aduan: the portal (its files, the distribution, their deployment)' });
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Holds only the public build of the portal, read by CloudFront alone (origin access control); its access logs would add nothing but cost.',
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Aduan portal and API: strict CSP, HSTS, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.attachmentOrigin), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true }],
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Aduan portal',
      defaultRootObject: 'index.html',
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Indonesia and the neighbouring edges; citizens abroad are still served, from farther away.
      priceClass: PriceClass.PRICE_CLASS_200,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      additionalBehaviors: {
        // The API under the portal's own address: nothing cached (answers depend on tokens), every
        // header but Host forwarded (Authorization and Idempotency-Key included).
        '/v1/*': {
          origin: new RestApiOrigin(props.api, { customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originSecret.secretValue.unsafeUnwrap() } }),
          // The viewer's real address in a header the client cannot write (viewer-address.ts).
          functionAssociations: [
            {
              eventType: FunctionEventType.VIEWER_REQUEST,
              function: new CloudFrontFunction(this, 'ViewerAddress', {
                comment: 'Aduan: the viewer address, in a header no client can set',
                code: FunctionCode.fromInline(VIEWER_ADDRESS_FUNCTION_CODE),
                runtime: FunctionRuntime.JS_2_0,
              }),
            },
          ],
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    if (!props.domain)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Dev only: the default *.cloudfront.net certificate allows older TLS; every other stage must set its own domain, certificate and TLSv1.2_2021 (lib/config.ts refuses otherwise).',
      });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'No geo restriction: Indonesians abroad (migrant workers, students) report about services at home.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'The API behind /v1/* has its own regional WAF (ComplaintApi Firewall); a CLOUDFRONT-scoped web ACL must live in us-east-1 (see README).',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason: 'CloudFront access logs record every visitor’s IP address; Aduan logs no client IPs (UU PDP). API access logs exist, without IPs.',
      },
    );

    const deployment = new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      sources: [
        Source.asset(PORTAL_DIR, {
          bundling: {
            // Built on this machine with esbuild (no Docker); the image is only CDK's fallback.
            local: {
              tryBundle(outputDir) {
                buildPortalSync(outputDir);
                return true;
              },
            },
            image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:20'),
          },
        }),
      ],
      memoryLimit: 256,
      // Its own log group, deleted with the stack (CDK's default is retained, left behind by a failed first deploy).
      logGroup: new LogGroup(this, 'DeployLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
    });
    // The deployment's function is a CDK singleton at the stack's root: CDK's code, not ours.
    // cdk-nag names each wildcard of its policy separately, so each is acknowledged by name.
    const stack = Stack.of(this);
    const literal = (v: string, name: string) => (Token.isUnresolved(v) ? `<AWS::${name}>` : v);
    const assets = `arn:${literal(stack.partition, 'Partition')}:s3:::cdk-hnb659fds-assets-${literal(stack.account, 'AccountId')}-${literal(stack.region, 'Region')}/*`;
    const bucketArn = `<${stack.getLogicalId(this.bucket.node.defaultChild as CfnElement)}.Arn>/*`;
    const wildcards = [
      'Action::s3:GetObject*',
      'Action::s3:GetBucket*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      `Resource::${assets}`,
      `Resource::${bucketArn}`,
      'Resource::*',
    ];
    const handlers = [deployment, ...stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'))];
    for (const handler of handlers)
      Validations.of(handler).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: 'CDK BucketDeployment: its handler writes its logs through the AWS managed basic-execution policy.',
        },
        ...wildcards.map((w) => ({
          id: `AwsSolutions-IAM5[${w}]`,
          reason:
            'CDK BucketDeployment: reads the build from the CDK asset bucket, replaces the portal bucket’s files, invalidates the distribution (no resource-level permission).',
        })),
        { id: 'AwsSolutions-L1', reason: 'CDK BucketDeployment: the handler runtime is chosen by aws-cdk-lib.' },
      );
  }
}
