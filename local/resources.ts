import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type CfnResource, resourcesOfType, type Template } from './template';

export interface LocalResources {
  /** logical id → physical value that `Ref` resolves to (table name, queue URL). */
  refs: Map<string, string>;
  /** logical id → ARN (`Fn::GetAtt [id, Arn]`). */
  arns: Map<string, string>;
  tables: { logicalId: string; name: string }[];
  queues: { logicalId: string; name: string; url: string; arn: string; dlqArn?: string; maxReceiveCount?: number; visibilityTimeout: number }[];
  /** The ARNs of the stack's generated secrets (their values are served by local/secrets-manager.ts). */
  secretArns: string[];
}

const localName = (prefix: string, logicalId: string) => `${prefix}-${logicalId}`;

/** Resolves the intrinsic functions our templates use for env values and ARNs. */
export function resolveValue(value: unknown, res: Pick<LocalResources, 'refs' | 'arns'>): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v['Fn::Join'])) {
    const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => resolveValue(p, res)).join(separator);
  }
  if (typeof v.Ref === 'string') {
    const ref = res.refs.get(v.Ref);
    if (ref === undefined) throw new Error(`cannot resolve Ref ${v.Ref} locally`);
    return ref;
  }
  if (Array.isArray(v['Fn::GetAtt'])) {
    const [id, attr] = v['Fn::GetAtt'] as [string, string];
    if (attr === 'Arn') {
      const arn = res.arns.get(id);
      if (arn) return arn;
    }
    throw new Error(`cannot resolve Fn::GetAtt ${id}.${attr} locally`);
  }
  throw new Error(`cannot resolve ${JSON.stringify(value)} locally`);
}

async function createTable(ddb: DynamoDBClient, name: string, r: CfnResource) {
  const p = r.Properties as Record<string, unknown>;
  try {
    const existing = await ddb.send(new DescribeTableCommand({ TableName: name }));
    // Persisted from an earlier run: add any index the stack gained since.
    const have = new Set((existing.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    for (const gsi of (p.GlobalSecondaryIndexes ?? []) as NonNullable<CreateTableCommandInput['GlobalSecondaryIndexes']>) {
      if (have.has(gsi.IndexName)) continue;
      await ddb.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: p.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: gsi.IndexName, KeySchema: gsi.KeySchema, Projection: gsi.Projection } }],
        }),
      );
    }
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const input: CreateTableCommandInput = {
    TableName: name,
    AttributeDefinitions: p.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
    KeySchema: p.KeySchema as CreateTableCommandInput['KeySchema'],
    BillingMode: (p.BillingMode as CreateTableCommandInput['BillingMode']) ?? 'PAY_PER_REQUEST',
    ...(p.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: p.GlobalSecondaryIndexes as CreateTableCommandInput['GlobalSecondaryIndexes'] } : {}),
  };
  await ddb.send(new CreateTableCommand(input));
  const ttl = p.TimeToLiveSpecification as { AttributeName: string; Enabled: boolean } | undefined;
  if (ttl?.Enabled) {
    await ddb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: true } }));
  }
}

/** Creates every table and queue of the template in the emulators, as the stack defines them. */
export async function createLocalResources(template: Template, clients: { ddb: DynamoDBClient; sqs: SQSClient }, prefix: string): Promise<LocalResources> {
  const res: LocalResources = { refs: new Map(), arns: new Map(), tables: [], queues: [], secretArns: [] };
  for (const [logicalId] of resourcesOfType(template, 'AWS::KMS::Key')) {
    // The local KMS (local/kms.ts) derives each key from its id: any id names a usable key.
    const keyId = localName(prefix, logicalId);
    res.refs.set(logicalId, keyId);
    res.arns.set(logicalId, `arn:aws:kms:local:000000000000:key/${keyId}`);
  }
  for (const [logicalId] of resourcesOfType(template, 'AWS::SecretsManager::Secret')) {
    const arn = `arn:aws:secretsmanager:local:000000000000:secret:${localName(prefix, logicalId)}`;
    res.refs.set(logicalId, arn);
    res.secretArns.push(arn);
  }
  for (const [logicalId, r] of resourcesOfType(template, 'AWS::DynamoDB::Table')) {
    const name = localName(prefix, logicalId);
    await createTable(clients.ddb, name, r);
    res.refs.set(logicalId, name);
    res.arns.set(logicalId, `arn:aws:dynamodb:local:000000000000:table/${name}`);
    res.tables.push({ logicalId, name });
  }
  // Dead-letter queues first: a redrive policy must point at an existing queue.
  const queues = resourcesOfType(template, 'AWS::SQS::Queue').sort(
    ([, a], [, b]) => Number(Boolean(a.Properties?.RedrivePolicy)) - Number(Boolean(b.Properties?.RedrivePolicy)),
  );
  for (const [logicalId, r] of queues) {
    const p = (r.Properties ?? {}) as Record<string, unknown>;
    const name = localName(prefix, logicalId);
    const attributes: Record<string, string> = {};
    if (p.VisibilityTimeout !== undefined) attributes.VisibilityTimeout = String(p.VisibilityTimeout);
    if (p.MessageRetentionPeriod !== undefined) attributes.MessageRetentionPeriod = String(p.MessageRetentionPeriod);
    const redrive = p.RedrivePolicy as { deadLetterTargetArn: unknown; maxReceiveCount: number } | undefined;
    let dlqArn: string | undefined;
    if (redrive) {
      dlqArn = resolveValue(redrive.deadLetterTargetArn, res);
      attributes.RedrivePolicy = JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: redrive.maxReceiveCount });
    }
    const { QueueUrl } = await clients.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
    if (!QueueUrl) throw new Error(`queue ${name} was not created`);
    const { Attributes } = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    const arn = Attributes?.QueueArn as string;
    res.refs.set(logicalId, QueueUrl);
    res.arns.set(logicalId, arn);
    res.queues.push({
      logicalId,
      name,
      url: QueueUrl,
      arn,
      visibilityTimeout: Number(p.VisibilityTimeout ?? 30),
      ...(dlqArn ? { dlqArn, maxReceiveCount: redrive?.maxReceiveCount } : {}),
    });
  }
  return res;
}

export function localClients(endpoints: { dynamodb: string; sqs: string }, region: string) {
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  return {
    ddb: new DynamoDBClient({ endpoint: endpoints.dynamodb, region, credentials }),
    sqs: new SQSClient({ endpoint: endpoints.sqs, region, credentials }),
  };
}

/** The template's buckets under local names (registered in `resources`), each open to the portal's origins. */
export function bucketsOf(template: Template, resources: LocalResources, corsOrigins: string[]) {
  return resourcesOfType(template, 'AWS::S3::Bucket').map(([logicalId, r]) => {
    // The stack's own name where it gives one (functions are told it), else one made from the logical id.
    const named = r.Properties?.BucketName;
    const name = named ? resolveValue(named, resources) : `aduan-local-${logicalId.toLowerCase()}`.slice(0, 63);
    resources.refs.set(logicalId, name);
    resources.arns.set(logicalId, `arn:aws:s3:::${name}`);
    return { name, corsOrigins };
  });
}
