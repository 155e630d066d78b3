import { BatchGetItemCommand, type BatchGetItemCommandOutput, type DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Complaint, ReporterIdentity, TimelineEvent } from '../core/complaint';
import type { ChainLink, EvidenceEntry } from '../core/evidence';
import type { Counter } from '../core/monitoring';
import type { FeedFilter, FigureComplaint, IdentityCipher, MonthlyFigures, OutboxMessage, Page, PagePosition, StoredComplaint, WorkQueue } from '../core/ports';
import type { SupportCount } from '../core/support';
import {
  complaintPk,
  contactLookupPk,
  DUE_PK,
  figuresPk,
  OUTBOX_PENDING,
  pageKey,
  placePk,
  positionOf,
  publicFeedPk,
  REPORTER_SK,
  RETENTION_PK,
  STATUTE_PK,
  SUPPORT_SK,
  statsPk,
  TABLE_KEYS,
  workQueueKey,
} from './dynamodb-keys';
import { m, queryAll } from './dynamodb-query';

const pk = complaintPk;

/**
 * The complaints table, read: a complaint and its identity, its timeline and evidence, support
 * counts, and the index queries the inboxes, feeds, sweeps and reviews page through. The writes
 * (one place that commits a change) are in dynamodb-complaint-store.ts, which builds on this.
 */
export class DynamoDbComplaintReads {
  /** Read capacity the index queries consumed (for benchmarks). */
  consumedReadUnits = 0;

  constructor(
    protected readonly client: DynamoDBClient,
    protected readonly tableName: string,
    /** Seals identities on create and opens them on read; a function without one can do neither. */
    private readonly identities?: IdentityCipher,
  ) {}

  protected cipher(): IdentityCipher {
    if (!this.identities) throw new Error('this function has no identity key: it may not store or read reporter identities');
    return this.identities;
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

  async figureComplaints(agencyId: string, month: string, figure: Counter, limit: number): Promise<{ items: FigureComplaint[]; more: boolean }> {
    const res = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :figure)',
        ExpressionAttributeValues: m({ ':pk': figuresPk(month, agencyId), ':figure': `${figure}#` }),
        // One more than asked: whether others remain, without a second read.
        Limit: limit + 1,
      }),
    );
    const items = (res.Items ?? []).map((i) => unmarshall(i)).map((i) => ({ trackingId: String(i.trackingId), month, times: Number(i.times) }));
    return { items: items.slice(0, limit), more: items.length > limit };
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

  protected queryPrefix(trackingId: string, prefix: string) {
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

  async supportOf(trackingId: string): Promise<SupportCount> {
    const res = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: m({ pk: pk(trackingId), sk: SUPPORT_SK }) }));
    const item = res.Item ? unmarshall(res.Item) : {};
    return { supporters: Number(item.supporters ?? 0), duplicates: Number(item.duplicates ?? 0) };
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

  /**
   * Every timeline entry with its chain link, oldest first (the evidence of a case bundle). A
   * redacted entry is withheld: its chain link stays, with what erasure kept of it to show.
   */
  async evidence(trackingId: string): Promise<EvidenceEntry[]> {
    return (await this.timelineItems(trackingId)).map((i) =>
      i.redacted ? { chain: i.chain as ChainLink, shown: i.event as TimelineEvent } : { event: i.event as TimelineEvent, chain: i.chain as ChainLink },
    );
  }

  protected timelineItems(trackingId: string) {
    return queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
      ExpressionAttributeValues: m({ ':pk': pk(trackingId), ':e': 'EVENT#' }),
    });
  }

  async workQueue(queue: WorkQueue, opts: { limit: number; after?: PagePosition }): Promise<Page<Complaint>> {
    const { index, partition } = workQueueKey(queue);
    const startKey = opts.after ? pageKey(opts.after, index, partition) : undefined;
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
      ...(res.LastEvaluatedKey ? { next: positionOf(unmarshall(res.LastEvaluatedKey)) } : {}),
    };
  }

  async publicFeed(month: string, opts: { limit: number; filter: FeedFilter; after?: PagePosition }): Promise<Page<Complaint>> {
    const index = TABLE_KEYS.publicFeedIndex;
    const partition = publicFeedPk(month);
    const startKey = opts.after ? pageKey(opts.after, index, partition) : undefined;
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
      ...(res.LastEvaluatedKey ? { next: positionOf(unmarshall(res.LastEvaluatedKey)) } : {}),
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
