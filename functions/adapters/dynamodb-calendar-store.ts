import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { CalendarStore } from '../core/ports';
import type { CalendarChange } from '../core/working-days';
import { queryAll } from './dynamodb-query';

/** Operators' calendar changes, append-only: pk CALENDAR, sk CHANGE#<at>#<n>. */
export class DynamoDbCalendarStore implements CalendarStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async changes(): Promise<CalendarChange[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
      ExpressionAttributeValues: marshall({ ':pk': 'CALENDAR', ':c': 'CHANGE#' }),
    });
    return items.map((i) => i.change as CalendarChange);
  }

  async record(change: CalendarChange): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: marshall({ pk: 'CALENDAR', sk: `CHANGE#${change.at}#${Math.random().toString(36).slice(2, 8)}`, entity: 'CALENDAR_CHANGE', change }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }
}
