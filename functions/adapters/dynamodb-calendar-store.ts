import { type DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { CalendarStore } from '../core/ports';
import type { CalendarChange } from '../core/working-days';

/** Operators' calendar changes, append-only: pk CALENDAR, sk CHANGE#<at>#<n>. */
export class DynamoDbCalendarStore implements CalendarStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async changes(): Promise<CalendarChange[]> {
    const out: CalendarChange[] = [];
    let startKey: QueryCommand['input']['ExclusiveStartKey'];
    do {
      const res = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
          ExpressionAttributeValues: marshall({ ':pk': 'CALENDAR', ':c': 'CHANGE#' }),
          ExclusiveStartKey: startKey,
        }),
      );
      for (const i of res.Items ?? []) out.push(unmarshall(i).change as CalendarChange);
      startKey = res.LastEvaluatedKey;
    } while (startKey);
    return out;
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
