import { ConditionalCheckFailedException, type DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { ClientKeys } from '../core/ports';
import { clientKeyPk } from './dynamodb-keys';

/** Client application keys (Open311 `api_key`), by the hash of the key: the key itself is never stored. */
export class DynamoDbClientKeys implements ClientKeys {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async issue(hash: string, c: { name: string; issuedBy: string; issuedAt: string }) {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall({ pk: clientKeyPk(hash), sk: 'META', entity: 'CLIENT_KEY', ...c }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async find(hash: string) {
    const res = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: marshall({ pk: clientKeyPk(hash), sk: 'META' }) }));
    const item = res.Item ? unmarshall(res.Item) : undefined;
    return item && !item.revokedAt ? { name: String(item.name) } : undefined;
  }

  async revoke(hash: string, by: { revokedBy: string; revokedAt: string }) {
    try {
      // The record stays, with who revoked it and when (the audit of the key's life).
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ pk: clientKeyPk(hash), sk: 'META' }),
          UpdateExpression: 'SET revokedBy = if_not_exists(revokedBy, :by), revokedAt = if_not_exists(revokedAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: marshall({ ':by': by.revokedBy, ':at': by.revokedAt }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
