import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Complaint, ReporterIdentity, TimelineEvent } from '../core/complaint';
import type { ComplaintStore, CreateResult, OutboxMessage, StoredComplaint } from '../core/ports';

/**
 * Single-table layout (all keys live here and nowhere else):
 *   pk C#<trackingId>  sk META                      the complaint (+ access token hashes)
 *   pk C#<trackingId>  sk REPORTER                  the reporter's identity, read only on purpose
 *   pk C#<trackingId>  sk EVENT#<at>#<type>          append-only timeline
 *   pk C#<trackingId>  sk OUTBOX#<id>                messages owed to a queue
 *   pk IDEMPOTENCY#<key> sk IDEMPOTENCY              submission replay guard (TTL expiresAt)
 * GSI ByQueue (gsi1pk, gsi1sk): work queues, e.g. AGENCY#<id> by deadline.
 * GSI Outbox (outboxPending, outboxCreatedAt): sparse, only undispatched outbox rows.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  byQueueIndex: { name: 'ByQueue', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  outboxIndex: { name: 'Outbox', partitionKey: 'outboxPending', sortKey: 'outboxCreatedAt' },
  ttlAttribute: 'expiresAt',
} as const;

const pk = (trackingId: string) => `C#${trackingId}`;
const OUTBOX_PENDING = 'PENDING';

const m = (v: Record<string, unknown>) => marshall(v, { removeUndefinedValues: true, convertClassInstanceToMap: false });

function workQueueKey(c: Complaint): { gsi1pk: string; gsi1sk: string } {
  const due = new Date(c.deadline.dueAt).toISOString();
  if (c.status === 'ASSIGNED' && c.assignedAgencyId) return { gsi1pk: `AGENCY#${c.assignedAgencyId}`, gsi1sk: `${due}#${c.trackingId}` };
  if (c.routing.state === 'MANUAL_REQUIRED') return { gsi1pk: 'ROUTING#MANUAL', gsi1sk: `${due}#${c.trackingId}` };
  return { gsi1pk: `STATUS#${c.status}`, gsi1sk: `${due}#${c.trackingId}` };
}

function complaintItem(c: Complaint, accessTokenHashes?: string[]) {
  return {
    pk: pk(c.trackingId),
    sk: 'META',
    entity: 'COMPLAINT',
    ...workQueueKey(c),
    complaint: c,
    ...(accessTokenHashes ? { accessTokenHashes: new Set(accessTokenHashes) } : {}),
  };
}

const eventItem = (trackingId: string, e: TimelineEvent) => ({ pk: pk(trackingId), sk: `EVENT#${e.at}#${e.type}`, entity: 'EVENT', event: e });

const outboxItem = (trackingId: string, o: OutboxMessage) => ({
  pk: pk(trackingId),
  sk: `OUTBOX#${o.id}`,
  entity: 'OUTBOX',
  outboxPending: OUTBOX_PENDING,
  outboxCreatedAt: `${o.createdAt}#${o.id}`,
  message: o,
});

function cancellationCodes(error: unknown): (string | undefined)[] | undefined {
  return error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []).map((r) => r.Code) : undefined;
}

export class DynamoDbComplaintStore implements ComplaintStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  private put(item: Record<string, unknown>, condition?: string): TransactWriteItem {
    return { Put: { TableName: this.tableName, Item: m(item), ...(condition ? { ConditionExpression: condition } : {}) } };
  }

  async create(input: Parameters<ComplaintStore['create']>[0]): Promise<CreateResult> {
    const { complaint: c } = input;
    const items: TransactWriteItem[] = [];
    if (input.idempotency) {
      items.push(
        this.put(
          {
            pk: `IDEMPOTENCY#${input.idempotency.key}`,
            sk: 'IDEMPOTENCY',
            entity: 'IDEMPOTENCY',
            trackingId: c.trackingId,
            requestHash: input.idempotency.requestHash,
            expiresAt: Math.floor(input.idempotency.expiresAt.getTime() / 1000),
          },
          'attribute_not_exists(pk)',
        ),
      );
    }
    items.push(this.put(complaintItem(c, [input.accessTokenHash]), 'attribute_not_exists(pk)'));
    if (input.reporter) items.push(this.put({ pk: pk(c.trackingId), sk: 'REPORTER', entity: 'REPORTER', reporter: input.reporter }));
    items.push(this.put(eventItem(c.trackingId, input.event)));
    items.push(this.put(outboxItem(c.trackingId, input.outbox)));

    for (let attempt = 0; ; attempt++) {
      try {
        await this.client.send(new TransactWriteItemsCommand({ TransactItems: items }));
        return { kind: 'CREATED' };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        if (input.idempotency && codes[0] === 'ConditionalCheckFailed') {
          const existing = await this.client.send(
            new GetItemCommand({
              TableName: this.tableName,
              Key: m({ pk: `IDEMPOTENCY#${input.idempotency.key}`, sk: 'IDEMPOTENCY' }),
              ConsistentRead: true,
            }),
          );
          if (existing.Item) {
            const rec = unmarshall(existing.Item);
            return { kind: 'DUPLICATE_KEY', trackingId: rec.trackingId, requestHash: rec.requestHash };
          }
          continue; // it expired between the two calls: try again
        }
        if (codes.includes('ConditionalCheckFailed')) return { kind: 'TRACKING_ID_TAKEN' };
        if (codes.includes('TransactionConflict') && attempt < 5) {
          await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
          continue;
        }
        throw error;
      }
    }
  }

  async get(trackingId: string): Promise<StoredComplaint | undefined> {
    const res = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: m({ pk: pk(trackingId), sk: 'META' }), ConsistentRead: true }));
    if (!res.Item) return undefined;
    const item = unmarshall(res.Item);
    return { complaint: item.complaint as Complaint, accessTokenHashes: [...((item.accessTokenHashes as Set<string>) ?? [])] };
  }

  async getReporter(trackingId: string): Promise<ReporterIdentity | undefined> {
    const res = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: m({ pk: pk(trackingId), sk: 'REPORTER' }) }));
    return res.Item ? (unmarshall(res.Item).reporter as ReporterIdentity) : undefined;
  }

  private async queryPrefix(trackingId: string, prefix: string) {
    const items: Record<string, unknown>[] = [];
    let startKey: QueryCommand['input']['ExclusiveStartKey'];
    do {
      const res = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: m({ ':pk': pk(trackingId), ':prefix': prefix }),
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      for (const i of res.Items ?? []) items.push(unmarshall(i));
      startKey = res.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  async timeline(trackingId: string): Promise<TimelineEvent[]> {
    return (await this.queryPrefix(trackingId, 'EVENT#')).map((i) => i.event as TimelineEvent);
  }

  async addAccessTokenHash(trackingId: string, hash: string): Promise<void> {
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: m({ pk: pk(trackingId), sk: 'META' }),
        UpdateExpression: 'ADD accessTokenHashes :h',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: m({ ':h': new Set([hash]) }),
      }),
    );
  }

  async update(next: Complaint, expectedVersion: number, event: TimelineEvent, outbox?: OutboxMessage): Promise<boolean> {
    const { gsi1pk, gsi1sk } = workQueueKey(next);
    const items: TransactWriteItem[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: m({ pk: pk(next.trackingId), sk: 'META' }),
          UpdateExpression: 'SET complaint = :c, gsi1pk = :g1, gsi1sk = :g2',
          ConditionExpression: 'complaint.version = :expected',
          ExpressionAttributeValues: m({ ':c': next, ':g1': gsi1pk, ':g2': gsi1sk, ':expected': expectedVersion }),
        },
      },
      this.put(eventItem(next.trackingId, event), 'attribute_not_exists(pk)'),
    ];
    if (outbox) items.push(this.put(outboxItem(next.trackingId, outbox), 'attribute_not_exists(pk)'));
    try {
      await this.client.send(new TransactWriteItemsCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict')) return false;
      throw error;
    }
  }

  async markDispatched(trackingId: string, outboxId: string, at: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: m({ pk: pk(trackingId), sk: `OUTBOX#${outboxId}` }),
          UpdateExpression: 'REMOVE outboxPending SET dispatchedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: m({ ':at': at }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async pendingOutbox(trackingId: string): Promise<OutboxMessage[]> {
    return (await this.queryPrefix(trackingId, 'OUTBOX#')).filter((i) => i.outboxPending === OUTBOX_PENDING).map((i) => i.message as OutboxMessage);
  }

  async undispatchedOutbox(createdBefore: string, limit: number) {
    const res = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: TABLE_KEYS.outboxIndex.name,
        KeyConditionExpression: 'outboxPending = :p AND outboxCreatedAt < :before',
        ExpressionAttributeValues: m({ ':p': OUTBOX_PENDING, ':before': createdBefore }),
        Limit: limit,
      }),
    );
    return (res.Items ?? []).map((raw) => {
      const i = unmarshall(raw);
      return { trackingId: String(i.pk).slice(2), message: i.message as OutboxMessage };
    });
  }

  async markAgencyNotified(trackingId: string, agencyId: string, at: string): Promise<void> {
    await this.client
      .send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: m({ pk: pk(trackingId), sk: 'META' }),
          UpdateExpression: 'SET agencyNotifications.#a = if_not_exists(agencyNotifications.#a, :at)',
          ConditionExpression: 'attribute_exists(agencyNotifications)',
          ExpressionAttributeNames: { '#a': agencyId },
          ExpressionAttributeValues: m({ ':at': at }),
        }),
      )
      .catch(async (error) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        await this.client.send(
          new UpdateItemCommand({
            TableName: this.tableName,
            Key: m({ pk: pk(trackingId), sk: 'META' }),
            UpdateExpression: 'SET agencyNotifications = if_not_exists(agencyNotifications, :map)',
            ExpressionAttributeValues: m({ ':map': { [agencyId]: at } }),
          }),
        );
      });
  }
}
