import { ConditionalCheckFailedException, type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
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
    return res.Item ? { name: String(unmarshall(res.Item).name) } : undefined;
  }
}
