import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type CfnTable, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { INDEXES, TABLE_KEYS, WRITABLE_FAMILIES, type WritableFamily } from '../../functions/adapters/dynamodb-keys';
import type { TableAccess } from '../../functions/capabilities';
import { ENV } from '../../functions/shared/env';

const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:DescribeTable'];
const WRITE = [...READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'];
/** What each level of `FunctionSpec.table` may do (transactions need the actions of their parts). */
export const TABLE_ACTIONS: Record<TableAccess, string[]> = { read: READ, readWrite: WRITE, readWriteDelete: [...WRITE, 'dynamodb:DeleteItem'] };

/** Complaints, identities, timelines and the outbox (one table), plus the idempotency records. */
export class ComplaintTables extends Construct {
  readonly table: Table;
  readonly idempotency: Table;

  constructor(scope: Construct, id: string, props: { removalPolicy: RemovalPolicy }) {
    super(scope, id);
    const common = {
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.removalPolicy !== RemovalPolicy.DESTROY,
      removalPolicy: props.removalPolicy,
    };
    this.table = new Table(this, 'Complaints', {
      ...common,
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      timeToLiveAttribute: TABLE_KEYS.ttlAttribute,
    });
    for (const index of INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        // A keys-only index is written only when a complaint enters or leaves it, not on every update.
        projectionType: 'keysOnly' in index && index.keysOnly ? ProjectionType.KEYS_ONLY : ProjectionType.ALL,
      });
    }
    this.idempotency = new Table(this, 'Idempotency', {
      ...common,
      partitionKey: { name: 'id', type: AttributeType.STRING },
      timeToLiveAttribute: 'expiration',
    });
  }

  /**
   * Grants access and sets the env var in one call, so the two never drift apart. Only the item
   * actions the store uses: no Scan, no BatchWrite, and DeleteItem only for the functions that
   * erase (an identity, a digest claim).
   */
  bindTable(fn: LambdaFunction, access: TableAccess, writesOnly?: readonly WritableFamily[]) {
    if (!writesOnly) this.table.grant(fn, ...TABLE_ACTIONS[access]);
    else {
      // Reads anywhere; writes only to items whose partition key starts with one of the families.
      this.table.grant(fn, ...READ);
      const write = TABLE_ACTIONS[access].filter((a) => !READ.includes(a));
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: write,
          resources: [this.table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': writesOnly.map((f) => `${WRITABLE_FAMILIES[f]}*`) } },
        }),
      );
    }
    fn.addEnvironment(ENV.tableName, this.table.tableName);
    if (fn.role) {
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.table.node.defaultChild as CfnTable)}.Arn>/index/*]`,
        reason: "Queries this table's own global secondary indexes (work queues, outbox); no other table.",
      });
    }
  }

  bindIdempotency(fn: LambdaFunction & IGrantable) {
    this.idempotency.grantReadWriteData(fn);
    fn.addEnvironment(ENV.idempotencyTableName, this.idempotency.tableName);
  }
}
