import { type DynamoDBClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

/** Every item of a query, following LastEvaluatedKey. */
export async function queryAll(client: DynamoDBClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const res = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    for (const i of res.Items ?? []) items.push(unmarshall(i));
    startKey = res.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** An item as DynamoDB takes it: undefined attributes left out, class instances refused. */
export const m = (v: Record<string, unknown>) => marshall(v, { removeUndefinedValues: true, convertClassInstanceToMap: false });
