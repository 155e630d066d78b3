import { Duration, type RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/shared/env';

export interface AttachmentStoreProps {
  removalPolicy: RemovalPolicy;
  stage: string;
  /** Where S3 tells of new uploads (the upload worker's queue). */
  uploadQueue: Queue;
  /** Days a checked file is kept (the retention of case records). */
  retentionDays: number;
  /** Scan stored files with GuardDuty Malware Protection for S3; staff download only after a clean verdict. */
  malwareScan: boolean;
}

/**
 * The attachment bucket: private, encrypted, versioned, TLS only, with its access logs. Clients
 * upload to `incoming/` through presigned requests; S3 tells the upload queue; the checker keeps a
 * cleaned copy in `stored/` (and `preview/`) and deletes the upload. Lifecycle rules follow the
 * retention policy: an unchecked upload lasts a day, a checked file the case record's retention,
 * an overwritten or deleted version 30 days.
 */
export class AttachmentStore extends Construct {
  readonly bucket: Bucket;
  /**
   * Where browsers send the bytes: the region's S3 hosts (the bucket's name is generated, so the
   * portal's CSP names the regional endpoint's hosts, not one bucket).
   */
  readonly origin: string;
  private readonly malwareScan: boolean;

  constructor(scope: Construct, id: string, props: AttachmentStoreProps) {
    super(scope, id);
    this.malwareScan = props.malwareScan;
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: props.removalPolicy,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    Validations.of(logs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket of the attachment bucket; logging it again would loop.' });
    const stack = Stack.of(this);
    // No fixed name: a rolled-back first deploy must not leave a name behind that blocks the retry.
    this.origin = `https://*.s3.${stack.region}.${stack.urlSuffix}`;
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: props.removalPolicy,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'attachments/',
      lifecycleRules: [
        { id: 'unchecked-uploads', prefix: 'incoming/', expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'case-record-retention', prefix: 'stored/', expiration: Duration.days(props.retentionDays) },
        { id: 'preview-retention', prefix: 'preview/', expiration: Duration.days(props.retentionDays) },
        { id: 'old-versions', noncurrentVersionExpiration: Duration.days(30), expiredObjectDeleteMarker: true },
      ],
    });
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(props.uploadQueue), { prefix: 'incoming/' });
    // S3 notifications are configured by a CDK singleton function at the stack's root: CDK's code, not ours.
    for (const handler of stack.node.children.filter((c) => c.node.id.startsWith('BucketNotificationsHandler')))
      Validations.of(handler).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: 'CDK bucket notifications: its handler writes its logs through the AWS managed basic-execution policy.',
        },
        { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'CDK bucket notifications: s3:PutBucketNotification has no narrower resource form in its policy.' },
      );
    if (props.malwareScan) this.scanForMalware(props.uploadQueue);
  }

  /** Browsers upload from (and read previews into) the portal's origins only. */
  allowOrigins(origins: string[]) {
    this.bucket.addCorsRule({
      allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
      allowedOrigins: origins,
      // The signed headers of a presigned upload (a browser sends them from the portal's origin).
      allowedHeaders: ['content-type', 'if-none-match'],
      maxAge: 3600,
    });
  }

  /**
   * GuardDuty Malware Protection for S3 on `stored/`: it scans each cleaned file and publishes
   * its verdict to EventBridge, which this rule hands to the upload queue (core: recordScanResult).
   */
  private scanForMalware(queue: Queue) {
    const stack = Stack.of(this);
    const role = new Role(this, 'MalwareScanRole', {
      assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
      description: 'GuardDuty Malware Protection for S3: reads and tags the attachment bucket',
    });
    const managedRules = `arn:${stack.partition}:events:${stack.region}:${stack.account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`;
    role.addToPolicy(
      new PolicyStatement({
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [managedRules],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
    );
    role.addToPolicy(new PolicyStatement({ actions: ['events:DescribeRule', 'events:ListTargetsByRule'], resources: [managedRules] }));
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:GetBucketLocation', 's3:ListBucket'],
        resources: [this.bucket.bucketArn],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        resources: [this.bucket.arnForObjects('stored/*')],
      }),
    );
    // GuardDuty proves it may act on the bucket by writing this one object when the plan is created.
    role.addToPolicy(
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects('malware-protection-resource-validation-object')] }),
    );
    const literal = (v: string, name: string) => (Token.isUnresolved(v) ? `<AWS::${name}>` : v);
    Validations.of(role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::arn:${literal(stack.partition, 'Partition')}:events:${literal(stack.region, 'Region')}:${literal(stack.account, 'AccountId')}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]`,
        reason: 'The managed EventBridge rules GuardDuty creates for the plan; their names are chosen by GuardDuty.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as never)}.Arn>/stored/*]`,
        reason: 'GuardDuty reads and tags the cleaned files under stored/ only.',
      },
    );
    // The plan is created only once the role and its policy exist (it validates them at creation).
    new CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: role.roleArn,
      protectedResource: { s3Bucket: { bucketName: this.bucket.bucketName, objectPrefixes: ['stored/'] } },
      actions: { tagging: { status: 'ENABLED' } },
    }).node.addDependency(role);
    new Rule(this, 'ScanResults', {
      description: 'Aduan: GuardDuty verdicts on stored attachments, to the upload worker',
      eventPattern: {
        source: ['aws.guardduty'],
        detailType: ['GuardDuty Malware Protection Object Scan Result'],
        detail: { s3ObjectDetails: { bucketName: [this.bucket.bucketName] } },
      },
      targets: [new SqsQueue(queue)],
    });
  }

  /**
   * Grants what a function does with attachments, and names the bucket in its environment (by
   * reference: the bucket's CORS names the portal's address as a setting, never the distribution,
   * so nothing here depends on the API these functions serve).
   */
  bind(fn: LambdaFunction, access: 'upload' | 'check' | 'download') {
    const stack = Stack.of(this);
    fn.addEnvironment(ENV.attachmentBucket, this.bucket.bucketName);
    const allow = (actions: string[], prefixes: string[]) =>
      fn.addToRolePolicy(new PolicyStatement({ actions, resources: prefixes.map((p) => this.bucket.arnForObjects(`${p}/*`)) }));
    if (access === 'upload') allow(['s3:PutObject'], ['incoming']);
    if (access === 'download') allow(['s3:GetObject'], ['stored', 'preview']);
    if (access === 'check') {
      allow(['s3:GetObject', 's3:DeleteObject'], ['incoming']);
      allow(['s3:PutObject', 's3:DeleteObject'], ['stored', 'preview']);
      // Erasure of a reporter's files: every version of them, found by listing the versions of one key.
      allow(['s3:DeleteObjectVersion'], ['incoming', 'stored', 'preview']);
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:ListBucketVersions'],
          resources: [this.bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': ['incoming/*', 'stored/*', 'preview/*'] } },
        }),
      );
      fn.addEnvironment(ENV.attachmentMalwareScan, String(this.malwareScan));
    }
    const bucketArn = `<${stack.getLogicalId(this.bucket.node.defaultChild as never)}.Arn>`;
    for (const prefix of ['incoming', 'stored', 'preview']) {
      Validations.of(fn).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${bucketArn}/${prefix}/*]`,
        reason: `Objects under ${prefix}/ of the attachment bucket only, as its part of the upload flow needs.`,
      });
    }
  }
}
