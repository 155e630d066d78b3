import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DigestLedger } from '../core/ports';
import { DIGEST_LAST_SK, digestDaySk, digestPk } from './dynamodb-keys';

const m = (v: Record<string, unknown>) => marshall(v, { removeUndefinedValues: true });

/**
 * Which Ombudsman digests went out: a day's digest is claimed before it is sent (so overlapping
 * runs send it once), completed with the watermark of the last flag it listed, or released when
 * sending failed.
 */
export class DynamoDbDigestLedger implements DigestLedger {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async claim(office: string, date: string, at: string): Promise<boolean> {
    const staleBefore = new Date(Date.parse(at) - 30 * 60_000).toISOString();
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: m({ pk: digestPk(office), sk: digestDaySk(date), state: 'SENDING', at }),
          // A claim left by a crashed run may be taken over after 30 minutes.
          ConditionExpression: 'attribute_not_exists(pk) OR (#s = :sending AND #at < :stale)',
          ExpressionAttributeNames: { '#s': 'state', '#at': 'at' },
          ExpressionAttributeValues: m({ ':sending': 'SENDING', ':stale': staleBefore }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async complete(office: string, date: string, sent: { at: string; watermark: string; count: number }): Promise<void> {
    await this.client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: m({ pk: digestPk(office), sk: digestDaySk(date), state: 'SENT', at: sent.at, count: sent.count }) } },
          { Put: { TableName: this.tableName, Item: m({ pk: digestPk(office), sk: DIGEST_LAST_SK, at: sent.watermark }) } },
        ],
      }),
    );
  }

  async release(office: string, date: string): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: m({ pk: digestPk(office), sk: digestDaySk(date) }) }));
  }

  async lastWatermark(office: string): Promise<string | undefined> {
    const res = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: m({ pk: digestPk(office), sk: DIGEST_LAST_SK }), ConsistentRead: true }),
    );
    return res.Item ? String(unmarshall(res.Item).at) : undefined;
  }
}
