import {
  ConditionalCheckFailedException,
  GetItemCommand,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type Complaint, escalatedQueuesOf, type TimelineEvent } from '../core/complaint';
import { chainEvents } from '../core/evidence';
import type { CounterDelta } from '../core/monitoring';
import type { ComplaintStore, CreateResult, OutboxMessage } from '../core/ports';
import { DynamoDbComplaintReads } from './dynamodb-complaint-reads';
import { counterWrites } from './dynamodb-counter-writes';
import {
  addressDayKey,
  complaintItem,
  complaintPk,
  contactLookupPk,
  contactSk,
  deviceDayKey,
  duplicateSk,
  escalationEntryItem,
  escalationEntrySk,
  eventItem,
  headOfDayKey,
  idempotencyKey,
  indexKeys,
  outboxItem,
  REPORTER_SK,
  SUPPORT_SK,
  supporterSk,
} from './dynamodb-keys';
import { m } from './dynamodb-query';

const pk = complaintPk;

function cancellationCodes(error: unknown): (string | undefined)[] | undefined {
  return error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []).map((r) => r.Code) : undefined;
}

/**
 * The complaints table, written: a complaint created with its identity, timeline, outbox and
 * counters in one transaction; every change conditional on the version read, chained after the
 * head, with its outbox and counters; audit entries, support, merges and erasure redactions.
 */
export class DynamoDbComplaintStore extends DynamoDbComplaintReads implements ComplaintStore {
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
    items.push(...counterWrites(this.tableName, input.counters));

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
    opts: { eraseIdentity?: boolean; mergeInto?: string; escalatedBefore?: string[] } = {},
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
        ...counterWrites(this.tableName, counters),
        ...(opts.eraseIdentity
          ? [REPORTER_SK, contactSk('EMAIL'), contactSk('PHONE')].map((sk) => ({
              Delete: { TableName: this.tableName, Key: m({ pk: pk(written.trackingId), sk }) },
            }))
          : []),
        ...(opts.mergeInto ? this.mergeLink(opts.mergeInto, written.trackingId) : []),
        ...this.escalationEntries(written, opts.escalatedBefore),
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

  /**
   * One entry per agency whose "escalated to us" queue holds the complaint, written with it (so the
   * queue shows it as it is now); the entries of agencies it no longer concerns are removed.
   */
  private escalationEntries(c: Complaint, before: string[] = []): TransactWriteItem[] {
    const now = escalatedQueuesOf(c);
    return [
      ...now.map((agencyId) => this.put(escalationEntryItem(c, agencyId))),
      ...[...new Set(before)]
        .filter((agencyId) => !now.includes(agencyId))
        .map((agencyId) => ({ Delete: { TableName: this.tableName, Key: m({ pk: pk(c.trackingId), sk: escalationEntrySk(agencyId) }) } })),
    ];
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
}
