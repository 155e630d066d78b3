import { randomUUID } from 'node:crypto';
import { type DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { StaffHistory } from '../core/ports';
import type { StaffChange } from '../core/staff-accounts';
import { staffAuditSk, staffPk } from './dynamodb-keys';

const m = (v: Record<string, unknown>) => marshall(v, { removeUndefinedValues: true });

/** Each change of a staff account at `STAFF#<username>/AUDIT#<at>#<id>`: written once, never updated. */
export class DynamoDbStaffHistory implements StaffHistory {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async record(change: StaffChange): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: m({ pk: staffPk(change.username), sk: staffAuditSk(change.at, randomUUID()), entity: 'STAFF_AUDIT', change }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async of(username: string, limit: number): Promise<StaffChange[]> {
    const res = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: m({ ':pk': staffPk(username), ':a': 'AUDIT#' }),
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (res.Items ?? []).map((i) => unmarshall(i).change as StaffChange);
  }
}
