import { type DynamoDBClient, GetItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { ReadinessFacts } from '../core/readiness';
import type { AgencyReadiness } from '../core/staff-ports';
import { READINESS_PK } from './dynamodb-keys';

const m = (v: Record<string, unknown>) => marshall(v, { removeUndefinedValues: true });

/** Each agency's readiness facts at `READINESS/<agencyId>`: one attribute per fact, each set alone (no read-modify-write). */
export class DynamoDbAgencyReadiness implements AgencyReadiness {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async note(agencyId: string, facts: ReadinessFacts, at: string): Promise<void> {
    const entries = Object.entries(facts).filter(([, v]) => v !== undefined);
    if (!entries.length) return;
    const names = Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k]));
    const values = Object.fromEntries(entries.map(([, v], i) => [`:f${i}`, v]));
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: m({ pk: READINESS_PK, sk: agencyId }),
        UpdateExpression: `SET entity = :e, updatedAt = :at, ${entries.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: m({ ':e': 'READINESS', ':at': at, ...values }),
      }),
    );
  }

  async of(agencyId: string): Promise<ReadinessFacts | undefined> {
    const res = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: m({ pk: READINESS_PK, sk: agencyId }), ConsistentRead: true }));
    return res.Item ? factsOf(unmarshall(res.Item)) : undefined;
  }

  async all(): Promise<Map<string, ReadinessFacts>> {
    const all = new Map<string, ReadinessFacts>();
    let start: Record<string, unknown> | undefined;
    // One partition of at most one small item per agency of the directory (~600): a few pages.
    for (let page = 0; page < 20; page++) {
      const res = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: m({ ':pk': READINESS_PK }),
          ...(start ? { ExclusiveStartKey: start as never } : {}),
        }),
      );
      for (const item of res.Items ?? []) {
        const row = unmarshall(item);
        all.set(row.sk as string, factsOf(row));
      }
      start = res.LastEvaluatedKey;
      if (!start) break;
    }
    return all;
  }
}

function factsOf(row: Record<string, unknown>): ReadinessFacts {
  const facts: ReadinessFacts = {};
  if (typeof row.deskEmail === 'boolean') facts.deskEmail = row.deskEmail;
  for (const k of ['liaisons', 'administrators', 'officers', 'services'] as const) if (typeof row[k] === 'number') facts[k] = row[k];
  return facts;
}
