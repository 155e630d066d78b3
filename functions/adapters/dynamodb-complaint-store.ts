import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { type Complaint, OPEN_STATUSES, type ReporterIdentity, type TimelineEvent } from '../core/complaint';
import { DomainError } from '../core/errors';
import type { CounterDelta } from '../core/monitoring';
import type { ComplaintStore, CreateResult, IdentityCipher, OutboxMessage, StoredComplaint } from '../core/ports';
import { queryAll } from './dynamodb-query';

/**
 * Single-table layout (all keys live here and nowhere else):
 *   pk C#<trackingId>  sk META                      the complaint (+ access token hashes)
 *   pk C#<trackingId>  sk REPORTER                  the reporter's identity, KMS-encrypted, read only on purpose
 *   pk C#<trackingId>  sk EVENT#<at>#<type>          append-only timeline
 *   pk C#<trackingId>  sk OUTBOX#<id>                messages owed to a queue
 *   pk IDEMPOTENCY#<key> sk IDEMPOTENCY              submission replay guard (TTL expiresAt)
 * GSI ByQueue (gsi1pk, gsi1sk): work queues by deadline: QUEUE#VERIFY, QUEUE#ON_HOLD,
 *   AGENCY#<id> (assigned, in progress, responded); closed ones move to DONE#….
 * GSI ByDeadline (gsi2pk, gsi2sk): open complaints by the due instant of their current stage,
 *   DUE#<stage> — what the scheduled sweeps read instead of scanning.
 * GSI ByReview (gsi3pk REVIEW#<office>#<status>): the Ombudsman offices' review queues.
 * GSI ByStatute (gsi4pk STATUTE#OPEN): open complaints by their 60-day resolution limit.
 * GSI ByEscalation (gsi5pk ESCALATED#<agency>): the "escalated to us" inbox of a parent agency.
 * GSI Outbox (outboxPending, outboxCreatedAt): sparse, only undispatched outbox rows.
 * GSI ByRetention (gsi6pk RETENTION#IDENTITY): ended complaints by the end of their identity's retention.
 * GSI ByContact (gsi7pk CONTACT#<keyed hash>): pk C#<id> sk CONTACT#EMAIL|PHONE, the contact lookup.
 * Every index but ByQueue is sparse: a complaint leaves it when nothing more is due there, so
 * the sweeps read what is due, never the whole table.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  byQueueIndex: { name: 'ByQueue', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  byDeadlineIndex: { name: 'ByDeadline', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  byReviewIndex: { name: 'ByReview', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  byStatuteIndex: { name: 'ByStatute', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  byEscalationIndex: { name: 'ByEscalation', partitionKey: 'gsi5pk', sortKey: 'gsi5sk' },
  outboxIndex: { name: 'Outbox', partitionKey: 'outboxPending', sortKey: 'outboxCreatedAt' },
  byRetentionIndex: { name: 'ByRetention', partitionKey: 'gsi6pk', sortKey: 'gsi6sk' },
  byContactIndex: { name: 'ByContact', partitionKey: 'gsi7pk', sortKey: 'gsi7sk' },
  ttlAttribute: 'expiresAt',
} as const;

const pk = (trackingId: string) => `C#${trackingId}`;
const OUTBOX_PENDING = 'PENDING';

const m = (v: Record<string, unknown>) => marshall(v, { removeUndefinedValues: true, convertClassInstanceToMap: false });

const OPEN = new Set<string>(OPEN_STATUSES);

export function workQueueOf(c: Pick<Complaint, 'status' | 'assignedAgencyId'>): string {
  switch (c.status) {
    case 'SUBMITTED':
      return 'QUEUE#VERIFY';
    case 'ON_HOLD':
      return 'QUEUE#ON_HOLD';
    case 'ASSIGNED':
    case 'IN_PROGRESS':
    case 'RESPONDED':
      return `AGENCY#${c.assignedAgencyId}`;
    default:
      return `DONE#${c.assignedAgencyId ?? 'NONE'}`;
  }
}

function indexKeys(c: Complaint): Record<string, string | undefined> {
  const due = `${new Date(c.deadline.dueAt).toISOString()}#${c.trackingId}`;
  const open = OPEN.has(c.status);
  const disposedMiss = c.deadline.stage === 'DISPOSITION' && (c.misses ?? []).some((m) => m.stage === 'DISPOSITION' && m.dueAt === c.deadline.dueAt);
  const sweepable = open && !c.escalationExhausted && !disposedMiss;
  const statuteOpen = open && c.statute && !c.ombudsmanReview?.reasons.includes('RESOLUTION_LIMIT_PASSED');
  const escalatedTo = open && c.assignedAgencyId ? c.escalatedToAgencyIds?.at(-1) : undefined;
  const erasable = c.hasReporterIdentity && c.identityEraseAfter ? `${new Date(c.identityEraseAfter).toISOString()}#${c.trackingId}` : undefined;
  return {
    gsi1pk: workQueueOf(c),
    gsi1sk: due,
    gsi2pk: sweepable ? `DUE#${c.deadline.stage}` : undefined,
    gsi2sk: sweepable ? due : undefined,
    gsi3pk: c.ombudsmanReview ? `REVIEW#${c.ombudsmanReview.office}#${c.ombudsmanReview.status}` : undefined,
    gsi3sk: c.ombudsmanReview ? `${c.ombudsmanReview.flaggedAt}#${c.trackingId}` : undefined,
    gsi4pk: statuteOpen ? 'STATUTE#OPEN' : undefined,
    gsi4sk: statuteOpen && c.statute ? `${new Date(c.statute.decideBy).toISOString()}#${c.trackingId}` : undefined,
    gsi5pk: escalatedTo ? `ESCALATED#${escalatedTo}` : undefined,
    gsi5sk: escalatedTo ? due : undefined,
    gsi6pk: erasable ? 'RETENTION#IDENTITY' : undefined,
    gsi6sk: erasable,
  };
}

const INDEX_OF_QUEUE: [string, { name: string; partitionKey: string }][] = [
  ['REVIEW#', TABLE_KEYS.byReviewIndex],
  ['ESCALATED#', TABLE_KEYS.byEscalationIndex],
];

/**
 * A page position as the store handed it out (it comes back sealed in a cursor): exactly the
 * key attributes of the index, and within the queue being read.
 */
function pageKey(key: Record<string, unknown>, index: { partitionKey: string; sortKey?: string }, queue: string): Record<string, string> {
  const names = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, index.partitionKey, (index as { sortKey: string }).sortKey];
  const ok =
    Object.keys(key).length === names.length &&
    names.every((n) => typeof key[n] === 'string' && (key[n] as string).length <= 512) &&
    key[index.partitionKey] === queue;
  if (!ok) throw new DomainError('VALIDATION', 'Kursor tidak valid', [{ field: 'cursor', message: 'kursor tidak valid' }]);
  return key as Record<string, string>;
}

/** The stored form of a complaint (exported for seeding benchmarks). */
export function complaintItem(c: Complaint, accessTokenHashes?: string[]) {
  return {
    pk: pk(c.trackingId),
    sk: 'META',
    entity: 'COMPLAINT',
    ...Object.fromEntries(Object.entries(indexKeys(c)).filter(([, v]) => v !== undefined)),
    complaint: c,
    ...(accessTokenHashes ? { accessTokenHashes: new Set(accessTokenHashes) } : {}),
  };
}

const eventItem = (trackingId: string, e: TimelineEvent, n = 0) => ({ pk: pk(trackingId), sk: `EVENT#${e.at}#${n}#${e.type}`, entity: 'EVENT', event: e });

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
  /** Read capacity the index queries consumed (for benchmarks). */
  consumedReadUnits = 0;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    /** Seals identities on create and opens them on read; a function without one can do neither. */
    private readonly identities?: IdentityCipher,
  ) {}

  private cipher(): IdentityCipher {
    if (!this.identities) throw new Error('this function has no identity key: it may not store or read reporter identities');
    return this.identities;
  }

  private counterUpdates(deltas: CounterDelta[] = []): TransactWriteItem[] {
    // One update per (month, scope): a transaction may not touch an item twice.
    const merged = new Map<string, CounterDelta>();
    for (const d of deltas) {
      const key = `${d.month}|${d.scope.kind}|${d.scope.kind === 'AGENCY' ? d.scope.agencyId : d.scope.regionCode}`;
      const prev = merged.get(key);
      if (!prev) merged.set(key, { ...d, add: { ...d.add } });
      else for (const [k, v] of Object.entries(d.add)) prev.add[k as keyof CounterDelta['add']] = (prev.add[k as keyof CounterDelta['add']] ?? 0) + (v ?? 0);
    }
    return [...merged.values()]
      .map((d) => ({ ...d, entries: Object.entries(d.add).filter(([, v]) => v) }))
      .filter((d) => d.entries.length > 0)
      .map(({ entries, ...d }) => {
        const sk = d.scope.kind === 'AGENCY' ? `AGENCY#${d.scope.agencyId}` : `REGION#${d.scope.regionCode}`;
        return {
          Update: {
            TableName: this.tableName,
            Key: m({ pk: `STATS#${d.month}`, sk }),
            UpdateExpression: `SET #scope = :scope, #month = :month ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
            ExpressionAttributeNames: { '#scope': 'scope', '#month': 'month', ...Object.fromEntries(entries.map(([k], i) => [`#c${i}`, k])) },
            ExpressionAttributeValues: m({ ':scope': d.scope, ':month': d.month, ...Object.fromEntries(entries.map(([, v], i) => [`:c${i}`, v])) }),
          },
        };
      });
  }

  async reviewsFlaggedSince(office: string, since: string, limit: number): Promise<Complaint[]> {
    const out: Complaint[] = [];
    let startKey: QueryCommand['input']['ExclusiveStartKey'];
    do {
      const res = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: TABLE_KEYS.byReviewIndex.name,
          KeyConditionExpression: 'gsi3pk = :p AND gsi3sk > :since',
          ExpressionAttributeValues: m({ ':p': `REVIEW#${office}#OPEN`, ':since': since }),
          Limit: Math.min(200, limit - out.length),
          ExclusiveStartKey: startKey,
        }),
      );
      for (const i of res.Items ?? []) out.push(unmarshall(i).complaint as Complaint);
      startKey = res.LastEvaluatedKey;
    } while (startKey && out.length < limit);
    return out;
  }

  async claimDigest(office: string, date: string, at: string): Promise<boolean> {
    const staleBefore = new Date(Date.parse(at) - 30 * 60_000).toISOString();
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: m({ pk: `DIGEST#${office}`, sk: `DAY#${date}`, state: 'SENDING', at }),
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

  async completeDigest(office: string, date: string, sent: { at: string; watermark: string; count: number }): Promise<void> {
    await this.client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: m({ pk: `DIGEST#${office}`, sk: `DAY#${date}`, state: 'SENT', at: sent.at, count: sent.count }) } },
          { Put: { TableName: this.tableName, Item: m({ pk: `DIGEST#${office}`, sk: 'LAST', at: sent.watermark }) } },
        ],
      }),
    );
  }

  async releaseDigest(office: string, date: string): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: m({ pk: `DIGEST#${office}`, sk: `DAY#${date}` }) }));
  }

  async lastDigestAt(office: string): Promise<string | undefined> {
    const res = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: m({ pk: `DIGEST#${office}`, sk: 'LAST' }), ConsistentRead: true }));
    return res.Item ? String(unmarshall(res.Item).at) : undefined;
  }

  async stats(month: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.client, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: m({ ':pk': `STATS#${month}` }) });
  }

  private put(item: Record<string, unknown>, condition?: string, values?: Record<string, unknown>): TransactWriteItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: m(item),
        ...(condition ? { ConditionExpression: condition } : {}),
        ...(values ? { ExpressionAttributeValues: m(values) } : {}),
      },
    };
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
          // DynamoDB's TTL deletes late (up to days): an expired record is replaced, never replayed.
          'attribute_not_exists(pk) OR expiresAt < :now',
          { ':now': Math.floor(input.idempotency.now.getTime() / 1000) },
        ),
      );
    }
    items.push(this.put(complaintItem(c, [input.accessTokenHash]), 'attribute_not_exists(pk)'));
    if (input.reporter) {
      const sealedIdentity = await this.cipher().seal(c.trackingId, input.reporter);
      items.push(this.put({ pk: pk(c.trackingId), sk: 'REPORTER', entity: 'REPORTER', sealedIdentity }));
    }
    for (const lookup of input.contactLookups ?? []) {
      items.push(this.put({ pk: pk(c.trackingId), sk: `CONTACT#${lookup.kind}`, entity: 'CONTACT', gsi7pk: `CONTACT#${lookup.hash}`, gsi7sk: c.trackingId }));
    }
    items.push(this.put(eventItem(c.trackingId, input.event)));
    for (const o of input.outbox) items.push(this.put(outboxItem(c.trackingId, o)));
    items.push(...this.counterUpdates(input.counters));

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
          const rec = existing.Item ? unmarshall(existing.Item) : undefined;
          if (rec && Number(rec.expiresAt) >= Math.floor(input.idempotency.now.getTime() / 1000)) {
            return { kind: 'DUPLICATE_KEY', trackingId: rec.trackingId, requestHash: rec.requestHash };
          }
          continue; // it expired meanwhile: try again
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
    if (!res.Item) return undefined;
    const item = unmarshall(res.Item);
    return this.cipher().open(trackingId, String(item.sealedIdentity));
  }

  private queryPrefix(trackingId: string, prefix: string) {
    return queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: m({ ':pk': pk(trackingId), ':prefix': prefix }),
      ConsistentRead: true,
    });
  }

  async timeline(trackingId: string): Promise<TimelineEvent[]> {
    return (await this.queryPrefix(trackingId, 'EVENT#')).map((i) => i.event as TimelineEvent);
  }

  async addAccessTokenHash(trackingId: string, hash: string, max: number): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: m({ pk: pk(trackingId), sk: 'META' }),
          UpdateExpression: 'ADD accessTokenHashes :h',
          ConditionExpression: 'attribute_exists(pk) AND size(accessTokenHashes) < :max',
          ExpressionAttributeValues: m({ ':h': new Set([hash]), ':max': max }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async update(
    next: Complaint,
    expectedVersion: number,
    events: TimelineEvent[],
    outbox: OutboxMessage[] = [],
    counters: CounterDelta[] = [],
    opts: { eraseIdentity?: boolean } = {},
  ): Promise<boolean> {
    const keys = indexKeys(next);
    const set = Object.entries(keys).filter(([, v]) => v !== undefined);
    const remove = Object.entries(keys)
      .filter(([, v]) => v === undefined)
      .map(([k]) => k);
    const items: TransactWriteItem[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: m({ pk: pk(next.trackingId), sk: 'META' }),
          UpdateExpression: `SET complaint = :c, ${set.map(([k]) => `${k} = :${k}`).join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ConditionExpression: 'complaint.version = :expected',
          ExpressionAttributeValues: m({ ':c': next, ':expected': expectedVersion, ...Object.fromEntries(set.map(([k, v]) => [`:${k}`, v])) }),
        },
      },
      ...events.map((e, i) => this.put(eventItem(next.trackingId, e, i), 'attribute_not_exists(pk)')),
      ...outbox.map((o) => this.put(outboxItem(next.trackingId, o), 'attribute_not_exists(pk)')),
      ...this.counterUpdates(counters),
      ...(opts.eraseIdentity
        ? ['REPORTER', 'CONTACT#EMAIL', 'CONTACT#PHONE'].map((sk) => ({ Delete: { TableName: this.tableName, Key: m({ pk: pk(next.trackingId), sk }) } }))
        : []),
    ];
    try {
      await this.client.send(new TransactWriteItemsCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict')) return false;
      throw error;
    }
  }

  async appendEvent(trackingId: string, event: TimelineEvent): Promise<void> {
    await this.client.send(new PutItemCommand({ TableName: this.tableName, Item: m(eventItem(trackingId, event, Math.floor(Math.random() * 1e6))) }));
  }

  async workQueue(queue: string, opts: { limit: number; startKey?: Record<string, unknown>; status?: string }) {
    const index = INDEX_OF_QUEUE.find(([prefix]) => queue.startsWith(prefix))?.[1] ?? TABLE_KEYS.byQueueIndex;
    const startKey = opts.startKey ? pageKey(opts.startKey, index, queue) : undefined;
    const res = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :q`,
        ...(opts.status ? { FilterExpression: 'complaint.#s = :s', ExpressionAttributeNames: { '#s': 'status' } } : {}),
        ExpressionAttributeValues: m({ ':q': queue, ...(opts.status ? { ':s': opts.status } : {}) }),
        Limit: opts.limit,
        ...(startKey ? { ExclusiveStartKey: m(startKey) } : {}),
      }),
    );
    return {
      items: (res.Items ?? []).map((i) => unmarshall(i).complaint as Complaint),
      ...(res.LastEvaluatedKey ? { nextKey: unmarshall(res.LastEvaluatedKey) } : {}),
    };
  }

  async timelinePage(trackingId: string, page: { limit: number; before?: string }) {
    const res = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: page.before ? 'pk = :pk AND sk BETWEEN :first AND :before' : 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: m(
          page.before ? { ':pk': pk(trackingId), ':first': 'EVENT#', ':before': page.before } : { ':pk': pk(trackingId), ':prefix': 'EVENT#' },
        ),
        ScanIndexForward: false,
        // BETWEEN is inclusive: one more for the entry the cursor names, which was on the previous page.
        Limit: page.before ? page.limit + 1 : page.limit,
        ConsistentRead: true,
      }),
    );
    const items = (res.Items ?? []).map((i) => unmarshall(i)).filter((i) => i.sk !== page.before);
    return {
      entries: items.map((i) => ({ position: i.sk as string, event: i.event as TimelineEvent })).reverse(),
      hasOlder: res.LastEvaluatedKey !== undefined,
    };
  }

  async complaintsByContact(hash: string, limit: number): Promise<string[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: TABLE_KEYS.byContactIndex.name,
      KeyConditionExpression: 'gsi7pk = :p',
      ExpressionAttributeValues: m({ ':p': `CONTACT#${hash}` }),
    });
    return [...new Set(items.map((i) => String(i.gsi7sk)))].slice(0, limit);
  }

  async identitiesDueForErasure(before: string, limit: number): Promise<Complaint[]> {
    return this.queryRange(TABLE_KEYS.byRetentionIndex, 'RETENTION#IDENTITY', before, limit);
  }

  async dueBy(stage: string, dueBefore: string, limit: number): Promise<Complaint[]> {
    return this.queryRange(TABLE_KEYS.byDeadlineIndex, `DUE#${stage}`, dueBefore, limit);
  }

  async statuteDueBy(before: string, limit: number): Promise<Complaint[]> {
    return this.queryRange(TABLE_KEYS.byStatuteIndex, 'STATUTE#OPEN', before, limit);
  }

  /** Pages through one partition of a sparse index up to `before`, at most `limit` complaints. */
  private async queryRange(index: { name: string; partitionKey: string; sortKey: string }, partition: string, before: string, limit: number) {
    const out: Complaint[] = [];
    let startKey: QueryCommand['input']['ExclusiveStartKey'];
    do {
      const res = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: `${index.partitionKey} = :p AND ${index.sortKey} < :before`,
          ExpressionAttributeValues: m({ ':p': partition, ':before': before }),
          Limit: Math.min(100, limit - out.length),
          ExclusiveStartKey: startKey,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.consumedReadUnits += res.ConsumedCapacity?.CapacityUnits ?? 0;
      for (const i of res.Items ?? []) out.push(unmarshall(i).complaint as Complaint);
      startKey = res.LastEvaluatedKey;
    } while (startKey && out.length < limit);
    return out;
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
}
