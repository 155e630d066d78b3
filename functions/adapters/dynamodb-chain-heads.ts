import { ConditionalCheckFailedException, type DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { ChainHead, ChainHeadsDigest } from '../core/evidence';
import type { ChainHeadLedger } from '../core/ports';
import { chainDigestKey, headOfDayKey } from './dynamodb-keys';
import { queryAll } from './dynamodb-query';

/** The days' chain heads (written by the complaint store with each entry) and their signed digests. */
export class DynamoDbChainHeads implements ChainHeadLedger {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async headsOf(day: string): Promise<ChainHead[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: marshall({ ':pk': headOfDayKey(day, '').pk }),
    });
    return items.map((i) => ({ trackingId: String(i.sk), head: String(i.head) }));
  }

  async digest(day: string): Promise<ChainHeadsDigest | undefined> {
    const res = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: marshall(chainDigestKey(day)) }));
    return res.Item ? (unmarshall(res.Item).digest as ChainHeadsDigest) : undefined;
  }

  async latest(): Promise<ChainHeadsDigest | undefined> {
    const res = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': chainDigestKey('').pk }),
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const item = res.Items?.[0];
    return item ? (unmarshall(item).digest as ChainHeadsDigest) : undefined;
  }

  async record(digest: ChainHeadsDigest): Promise<boolean> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall({ ...chainDigestKey(digest.day), entity: 'CHAIN_DIGEST', digest }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
