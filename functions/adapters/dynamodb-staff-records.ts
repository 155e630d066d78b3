import { randomUUID } from 'node:crypto';
import { BatchGetItemCommand, DeleteItemCommand, type DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { StaffChange } from '../core/staff-accounts';
import type { RosterEntry, StaffRecords } from '../core/staff-ports';
import { rosterPk, signInKey, staffAuditSk, staffPk } from './dynamodb-keys';

const m = (v: Record<string, unknown>) => marshall(v, { removeUndefinedValues: true });

/**
 * Each change of a staff account at `STAFF#<username>/AUDIT#<at>#<id>` (written once, never
 * updated), and each agency's roster at `AGENCYSTAFF#<agencyId>/<username>`.
 */
export class DynamoDbStaffRecords implements StaffRecords {
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

  async enrol(agencyId: string, entry: RosterEntry): Promise<void> {
    await this.client.send(new PutItemCommand({ TableName: this.tableName, Item: m({ pk: rosterPk(agencyId), sk: entry.username, entity: 'ROSTER', entry }) }));
  }

  async leave(agencyId: string, username: string): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: m({ pk: rosterPk(agencyId), sk: username }) }));
  }

  async roster(agencyId: string): Promise<RosterEntry[]> {
    const entries: RosterEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: m({ ':pk': rosterPk(agencyId) }),
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start as never } : {}),
        }),
      );
      entries.push(...(res.Items ?? []).map((i) => unmarshall(i).entry as RosterEntry));
      start = res.LastEvaluatedKey;
    } while (start);
    return entries;
  }

  async noteSignIn(username: string, at: string): Promise<void> {
    await this.client.send(new PutItemCommand({ TableName: this.tableName, Item: m({ ...signInKey(username), entity: 'SIGNIN', at }) }));
  }

  async lastSignIns(usernames: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    // BatchGetItem reads 100 keys at a time; what it leaves unprocessed is asked again (a few times at most).
    let keys = [...new Set(usernames)].slice(0, 100).map((u) => m(signInKey(u)));
    for (let round = 0; keys.length && round < 5; round++) {
      const res = await this.client.send(new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }));
      for (const item of res.Responses?.[this.tableName] ?? []) {
        const row = unmarshall(item);
        found.set(String(row.pk).slice('SIGNIN#'.length), row.at as string);
      }
      keys = (res.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as typeof keys;
    }
    return found;
  }
}
