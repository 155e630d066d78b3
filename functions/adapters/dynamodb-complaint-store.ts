import {
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
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
import { type ChainLink, chainEvents, type EvidenceEntry } from '../core/evidence';
import type { CounterDelta } from '../core/monitoring';
import type { ComplaintStore, CreateResult, FeedFilter, IdentityCipher, MonthlyFigures, OutboxMessage, StoredComplaint, WorkQueue } from '../core/ports';
import type { SupportCount } from '../core/support';
import {
  addressDayKey,
  complaintItem,
  complaintPk,
  contactLookupPk,
  contactSk,
  DUE_PK,
  deviceDayKey,
  duplicateSk,
  eventItem,
  headOfDayKey,
  idempotencyKey,
  indexKeys,
  OUTBOX_PENDING,
  outboxItem,
  pageKey,
  placePk,
  publicFeedPk,
  REPORTER_SK,
  RETENTION_PK,
  STATUTE_PK,
  SUPPORT_SK,
  statsPk,
  statsSk,
  supporterSk,
  TABLE_KEYS,
  workQueueKey,
} from './dynamodb-keys';
import { queryAll } from './dynamodb-query';

const m = (v: Record<string, unknown>) => marshall(v, { removeUndefinedValues: true, convertClassInstanceToMap: false });
const pk = complaintPk;

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
      const key = `${d.month}|${statsSk(d.scope)}`;
      const prev = merged.get(key);
      if (!prev) merged.set(key, { ...d, add: { ...d.add } });
      else for (const [k, v] of Object.entries(d.add)) prev.add[k as keyof CounterDelta['add']] = (prev.add[k as keyof CounterDelta['add']] ?? 0) + (v ?? 0);
    }
    return [...merged.values()]
      .map((d) => ({ ...d, entries: Object.entries(d.add).filter(([, v]) => v) }))
      .filter((d) => d.entries.length > 0)
      .map(({ entries, ...d }) => {
        return {
          Update: {
            TableName: this.tableName,
            Key: m({ pk: statsPk(d.month), sk: statsSk(d.scope) }),
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
          ExpressionAttributeValues: m({ ':p': workQueueKey({ kind: 'REVIEW', office, status: 'OPEN' }).partition, ':since': since }),
          Limit: Math.min(200, limit - out.length),
          ExclusiveStartKey: startKey,
        }),
      );
      for (const i of res.Items ?? []) out.push(unmarshall(i).complaint as Complaint);
      startKey = res.LastEvaluatedKey;
    } while (startKey && out.length < limit);
    return out;
  }

  async stats(month: string): Promise<MonthlyFigures[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: m({ ':pk': statsPk(month) }),
    });
    return items.map(({ pk: _pk, sk: _sk, scope, month: _month, ...counts }) => ({
      scope: scope as MonthlyFigures['scope'],
      counts: counts as MonthlyFigures['counts'],
    }));
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
    // The first entries start the complaint's hash chain; the complaint records its head.
    const chained = chainEvents(input.complaint.trackingId, undefined, input.events);
    const c: Complaint = { ...input.complaint, ...(chained.head ? { timelineHead: chained.head } : {}) };
    const items: TransactWriteItem[] = [];
    if (input.idempotency) {
      items.push(
        this.put(
          {
            ...idempotencyKey(input.idempotency.key),
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
      items.push(this.put({ pk: pk(c.trackingId), sk: REPORTER_SK, entity: 'REPORTER', sealedIdentity }));
    }
    for (const lookup of input.contactLookups ?? []) {
      items.push(this.put({ pk: pk(c.trackingId), sk: contactSk(lookup.kind), entity: 'CONTACT', gsi7pk: contactLookupPk(lookup.hash), gsi7sk: c.trackingId }));
    }
    for (const [n, e] of input.events.entries()) items.push(this.put(eventItem(c.trackingId, e, n, chained.links[n])));
    items.push(...this.headOfDay(c.trackingId, chained.head, input.events));
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
              Key: m(idempotencyKey(input.idempotency.key)),
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
    const res = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: m({ pk: pk(trackingId), sk: REPORTER_SK }) }));
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
    opts: { eraseIdentity?: boolean; mergeInto?: string } = {},
  ): Promise<boolean> {
    // New entries chain after the head read with the complaint. An audit entry appended since
    // (appendEvent) moves the head without a new version: then the same change is chained after
    // the new head and written again; a new version is a real conflict for the caller.
    let headRead = next.timelineHead;
    for (let attempt = 0; ; attempt++) {
      const chained = chainEvents(next.trackingId, headRead, events);
      const written: Complaint = { ...next, ...(chained.head ? { timelineHead: chained.head } : {}) };
      const keys = indexKeys(written);
      const set = Object.entries(keys).filter(([, v]) => v !== undefined);
      const remove = Object.entries(keys)
        .filter(([, v]) => v === undefined)
        .map(([k]) => k);
      const items: TransactWriteItem[] = [
        {
          Update: {
            TableName: this.tableName,
            Key: m({ pk: pk(written.trackingId), sk: 'META' }),
            UpdateExpression: `SET complaint = :c, ${set.map(([k]) => `${k} = :${k}`).join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
            ConditionExpression: `complaint.version = :expected AND ${headRead ? 'complaint.timelineHead = :head' : 'attribute_not_exists(complaint.timelineHead)'}`,
            ExpressionAttributeValues: m({
              ':c': written,
              ':expected': expectedVersion,
              ...(headRead ? { ':head': headRead } : {}),
              ...Object.fromEntries(set.map(([k, v]) => [`:${k}`, v])),
            }),
          },
        },
        ...events.map((e, i) => this.put(eventItem(written.trackingId, e, i, chained.links[i]), 'attribute_not_exists(pk)')),
        ...this.headOfDay(written.trackingId, chained.head, events),
        ...outbox.map((o) => this.put(outboxItem(written.trackingId, o), 'attribute_not_exists(pk)')),
        ...this.counterUpdates(counters),
        ...(opts.eraseIdentity
          ? [REPORTER_SK, contactSk('EMAIL'), contactSk('PHONE')].map((sk) => ({
              Delete: { TableName: this.tableName, Key: m({ pk: pk(written.trackingId), sk }) },
            }))
          : []),
        ...(opts.mergeInto ? this.mergeLink(opts.mergeInto, written.trackingId) : []),
      ];
      try {
        await this.client.send(new TransactWriteItemsCommand({ TransactItems: items }));
        return true;
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes?.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict')) throw error;
        if (codes[0] !== 'ConditionalCheckFailed' || attempt >= 5) return false;
        const stored = await this.get(next.trackingId);
        if (stored?.complaint.version !== expectedVersion || stored.complaint.timelineHead === headRead) return false;
        headRead = stored.complaint.timelineHead;
      }
    }
  }

  /** The complaint's newest head on the day of its newest entry (what that day's published digest covers). */
  private headOfDay(trackingId: string, head: string | undefined, events: TimelineEvent[]): TransactWriteItem[] {
    const last = events.at(-1);
    if (!head || !last) return [];
    return [this.put({ ...headOfDayKey(new Date(last.at).toISOString().slice(0, 10), trackingId), entity: 'HEAD', head, at: last.at })];
  }

  /**
   * A duplicate merged into `survivor`: its link, and one more on the survivor's count (once,
   * whatever the retries) — while the survivor is not archived, checked in the same transaction:
   * two verifiers merging a pair into each other at once leave exactly one of them standing.
   */
  private mergeLink(survivor: string, duplicate: string): TransactWriteItem[] {
    return [
      {
        ConditionCheck: {
          TableName: this.tableName,
          Key: m({ pk: pk(survivor), sk: 'META' }),
          ConditionExpression: 'attribute_exists(pk) AND complaint.#status <> :archived',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: m({ ':archived': 'ARCHIVED' }),
        },
      },
      this.put({ pk: pk(survivor), sk: duplicateSk(duplicate), entity: 'DUPLICATE', trackingId: duplicate }, 'attribute_not_exists(pk)'),
      {
        Update: {
          TableName: this.tableName,
          Key: m({ pk: pk(survivor), sk: SUPPORT_SK }),
          UpdateExpression: 'ADD duplicates :one SET entity = :e',
          ExpressionAttributeValues: m({ ':one': 1, ':e': 'SUPPORT' }),
        },
      },
    ];
  }

  async supportOf(trackingId: string): Promise<SupportCount> {
    const res = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: m({ pk: pk(trackingId), sk: SUPPORT_SK }) }));
    const item = res.Item ? unmarshall(res.Item) : {};
    return { supporters: Number(item.supporters ?? 0), duplicates: Number(item.duplicates ?? 0) };
  }

  async addSupport(
    trackingId: string,
    deviceHash: string,
    limit: { day: string; perDay: number; expiresAt: number; source: { hash: string; perComplaintPerDay: number }; supporterExpiresAt: number },
  ): Promise<'ADDED' | 'ALREADY' | 'LIMITED'> {
    try {
      await this.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            this.put({ pk: pk(trackingId), sk: supporterSk(deviceHash), entity: 'SUPPORTER', expiresAt: limit.supporterExpiresAt }, 'attribute_not_exists(pk)'),
            {
              Update: {
                TableName: this.tableName,
                Key: m(deviceDayKey(deviceHash, limit.day)),
                UpdateExpression: 'ADD supports :one SET expiresAt = :exp, entity = :e',
                ConditionExpression: 'attribute_not_exists(supports) OR supports < :max',
                ExpressionAttributeValues: m({ ':one': 1, ':max': limit.perDay, ':exp': limit.expiresAt, ':e': 'DEVICE_DAY' }),
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: m({ pk: pk(trackingId), sk: SUPPORT_SK }),
                UpdateExpression: 'ADD supporters :one SET entity = :e',
                ExpressionAttributeValues: m({ ':one': 1, ':e': 'SUPPORT' }),
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: m(addressDayKey(limit.source.hash, trackingId)),
                UpdateExpression: 'ADD supports :one SET expiresAt = :exp, entity = :e',
                ConditionExpression: 'attribute_not_exists(supports) OR supports < :max',
                ExpressionAttributeValues: m({ ':one': 1, ':max': limit.source.perComplaintPerDay, ':exp': limit.expiresAt, ':e': 'ADDRESS_DAY' }),
              },
            },
          ],
        }),
      );
      return 'ADDED';
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[0] === 'ConditionalCheckFailed') return 'ALREADY';
      if (codes?.[1] === 'ConditionalCheckFailed' || codes?.[3] === 'ConditionalCheckFailed') return 'LIMITED';
      throw error;
    }
  }

  async openNearby(regionCode: string, categoryId: string, since: string, limit: number): Promise<Complaint[]> {
    const index = TABLE_KEYS.byPlaceIndex;
    const res = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :p AND ${index.sortKey} > :since`,
        ExpressionAttributeValues: m({ ':p': placePk(regionCode, categoryId), ':since': since }),
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    // A keys-only index: its items carry the table's keys, the complaints are read from the table.
    const keys = (res.Items ?? []).map((i) => {
      const { pk: p, sk } = unmarshall(i);
      return m({ pk: p, sk });
    });
    if (!keys.length) return [];
    const out: Complaint[] = [];
    let request: BatchGetItemCommand['input']['RequestItems'] = { [this.tableName]: { Keys: keys } };
    // BatchGet may hand back unprocessed keys under load: ask again for those (a few rounds at most).
    for (let round = 0; round < 5 && request && Object.keys(request).length; round++) {
      const got: BatchGetItemCommandOutput = await this.client.send(new BatchGetItemCommand({ RequestItems: request }));
      for (const i of got.Responses?.[this.tableName] ?? []) out.push(unmarshall(i).complaint as Complaint);
      request = got.UnprocessedKeys;
    }
    return out.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  }

  /** An entry outside a version step (an audit record): chained after the head, the head moved with it. */
  async appendEvent(trackingId: string, event: TimelineEvent): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const meta = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: m({ pk: pk(trackingId), sk: 'META' }), ConsistentRead: true }));
      if (!meta.Item) throw new Error(`no complaint ${trackingId} to append to`);
      const head = (unmarshall(meta.Item).complaint as Complaint).timelineHead;
      const chained = chainEvents(trackingId, head, [event]);
      try {
        await this.client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              this.put(eventItem(trackingId, event, Math.floor(Math.random() * 1e6), chained.links[0]), 'attribute_not_exists(pk)'),
              ...this.headOfDay(trackingId, chained.head, [event]),
              {
                Update: {
                  TableName: this.tableName,
                  Key: m({ pk: pk(trackingId), sk: 'META' }),
                  UpdateExpression: 'SET complaint.timelineHead = :new',
                  ConditionExpression: head ? 'complaint.timelineHead = :head' : 'attribute_not_exists(complaint.timelineHead)',
                  ExpressionAttributeValues: m({ ':new': chained.head, ...(head ? { ':head': head } : {}) }),
                },
              },
            ],
          }),
        );
        return;
      } catch (error) {
        if (!cancellationCodes(error) || attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 10 * 2 ** attempt));
      }
    }
  }

  /**
   * Every timeline entry with its chain link, oldest first (the evidence of a case bundle). A
   * redacted entry is withheld: its chain link stays, with what erasure kept of it to show.
   */
  async evidence(trackingId: string): Promise<EvidenceEntry[]> {
    return (await this.timelineItems(trackingId)).map((i) =>
      i.redacted ? { chain: i.chain as ChainLink, shown: i.event as TimelineEvent } : { event: i.event as TimelineEvent, chain: i.chain as ChainLink },
    );
  }

  private timelineItems(trackingId: string) {
    return queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
      ExpressionAttributeValues: m({ ':pk': pk(trackingId), ':e': 'EVENT#' }),
    });
  }

  async redactAttachmentEvents(trackingId: string, attachmentIds: string[], redact: (e: TimelineEvent) => TimelineEvent): Promise<number> {
    const ids = new Set(attachmentIds);
    let redacted = 0;
    for (const item of await this.timelineItems(trackingId)) {
      const event = item.event as TimelineEvent;
      if (item.redacted || !event.attachment || !ids.has(event.attachment.id)) continue;
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: m({ pk: item.pk, sk: item.sk }),
          UpdateExpression: 'SET #event = :event, redacted = :yes',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#event': 'event' },
          ExpressionAttributeValues: m({ ':event': redact(event), ':yes': true }),
        }),
      );
      redacted++;
    }
    return redacted;
  }

  async workQueue(queue: WorkQueue, opts: { limit: number; startKey?: Record<string, unknown> }) {
    const { index, partition } = workQueueKey(queue);
    const startKey = opts.startKey ? pageKey(opts.startKey, index, partition) : undefined;
    const status = queue.kind === 'AGENCY' ? queue.status : undefined;
    const res = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :q`,
        ...(status ? { FilterExpression: 'complaint.#s = :s', ExpressionAttributeNames: { '#s': 'status' } } : {}),
        ExpressionAttributeValues: m({ ':q': partition, ...(status ? { ':s': status } : {}) }),
        Limit: opts.limit,
        ...(startKey ? { ExclusiveStartKey: m(startKey) } : {}),
      }),
    );
    return {
      items: (res.Items ?? []).map((i) => unmarshall(i).complaint as Complaint),
      ...(res.LastEvaluatedKey ? { nextKey: unmarshall(res.LastEvaluatedKey) } : {}),
    };
  }

  async publicFeed(month: string, opts: { limit: number; filter: FeedFilter; startKey?: Record<string, unknown> }) {
    const index = TABLE_KEYS.publicFeedIndex;
    const partition = publicFeedPk(month);
    const startKey = opts.startKey ? pageKey(opts.startKey, index, partition) : undefined;
    const { regionCode, categoryId, status } = opts.filter;
    // A region matches itself and, for a province, its regencies and cities (`51` → `51.03`).
    const conditions = [
      ...(regionCode ? ['(complaint.#loc.#region = :region OR begins_with(complaint.#loc.#region, :regionPrefix))'] : []),
      ...(categoryId ? ['complaint.#category = :category'] : []),
      ...(status ? ['complaint.#status = :status'] : []),
    ];
    const names = {
      ...(regionCode ? { '#loc': 'location', '#region': 'regionCode' } : {}),
      ...(categoryId ? { '#category': 'categoryId' } : {}),
      ...(status ? { '#status': 'status' } : {}),
    };
    const res = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :p`,
        ScanIndexForward: false,
        ...(conditions.length ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: m({
          ':p': partition,
          ...(regionCode ? { ':region': regionCode, ':regionPrefix': `${regionCode}.` } : {}),
          ...(categoryId ? { ':category': categoryId } : {}),
          ...(status ? { ':status': status } : {}),
        }),
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
      ExpressionAttributeValues: m({ ':p': contactLookupPk(hash) }),
    });
    return [...new Set(items.map((i) => String(i.gsi7sk)))].slice(0, limit);
  }

  async identitiesDueForErasure(before: string, limit: number): Promise<Complaint[]> {
    return this.queryRange(TABLE_KEYS.byRetentionIndex, RETENTION_PK, before, limit);
  }

  async dueBy(stage: string, dueBefore: string, limit: number): Promise<Complaint[]> {
    return this.queryRange(TABLE_KEYS.byDeadlineIndex, DUE_PK(stage), dueBefore, limit);
  }

  async statuteDueBy(before: string, limit: number): Promise<Complaint[]> {
    return this.queryRange(TABLE_KEYS.byStatuteIndex, STATUTE_PK, before, limit);
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
