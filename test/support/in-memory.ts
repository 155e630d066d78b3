/**
 * In-memory implementations of every port, for fast use-case tests (never shipped). They keep
 * the contracts the DynamoDB, SQS and SES adapters keep — version-checked updates, one outbox row
 * per id, sparse "due" queries — so logic can be tested in milliseconds; the adapters themselves
 * are tested against the emulators in test/integration.
 */

import { hmacContactHasher } from '../../functions/adapters/hmac-contact-hasher';
import { hmacCursors } from '../../functions/adapters/hmac-cursors';
import { listedPublicly } from '../../functions/core/access';
import { NATIONAL_POLICY, policyResolver } from '../../functions/core/clocks';
import { type Complaint, escalatedQueuesOf, OPEN_STATUSES, type ReporterIdentity, type TimelineEvent } from '../../functions/core/complaint';
import { figureEntriesOf } from '../../functions/core/compliance';
import { type ChainLink, chainEvents } from '../../functions/core/evidence';
import { type Counter, type CounterDelta, monthOf } from '../../functions/core/monitoring';
import { officialCalendar } from '../../functions/core/official-calendar';
import type {
  ComplaintStore,
  CreateResult,
  FeedFilter,
  FigureComplaint,
  MonthlyFigures,
  OutboxMessage,
  Page,
  PagePosition,
  StoredComplaint,
  WorkQueue,
} from '../../functions/core/ports';
import type { Deps } from '../../functions/use-cases/deps';
import {
  InMemoryAgencyDirectory,
  InMemoryAgencyReadiness,
  InMemoryChainHeads,
  InMemoryClientKeys,
  InMemoryDigestLedger,
  InMemoryMailer,
  InMemoryQueue,
  InMemoryServiceCatalogue,
  InMemoryStaffAccounts,
  InMemoryStaffRecords,
  offsetOf,
  positionAt,
} from './in-memory-ports';

const byDue = (a: Complaint, b: Complaint) => Date.parse(a.deadline.dueAt) - Date.parse(b.deadline.dueAt) || a.trackingId.localeCompare(b.trackingId);

export class InMemoryComplaintStore implements ComplaintStore {
  readonly complaints = new Map<string, StoredComplaint>();
  readonly reporters = new Map<string, ReporterIdentity>();
  readonly events = new Map<string, TimelineEvent[]>();
  readonly outbox = new Map<string, { trackingId: string; message: OutboxMessage; dispatched: boolean }>();
  readonly counters = new Map<string, MonthlyFigures>();
  /** The complaints behind each agency's figures: `month|agency|figure|trackingId`. */
  private readonly figures = new Map<string, FigureComplaint>();
  readonly contacts = new Map<string, Set<string>>();
  private readonly idempotency = new Map<string, { trackingId: string; requestHash: string; expiresAt: number }>();
  /** Set to make the next `update` lose a race (someone else wrote first). */
  conflictsToSimulate = 0;

  async create(input: Parameters<ComplaintStore['create']>[0]): Promise<CreateResult> {
    const { complaint: c } = input;
    if (input.idempotency) {
      const existing = this.idempotency.get(input.idempotency.key);
      if (existing && existing.expiresAt >= input.idempotency.now.getTime())
        return { kind: 'DUPLICATE_KEY', trackingId: existing.trackingId, requestHash: existing.requestHash };
    }
    if (this.complaints.has(c.trackingId)) return { kind: 'TRACKING_ID_TAKEN' };
    if (input.idempotency)
      this.idempotency.set(input.idempotency.key, {
        trackingId: c.trackingId,
        requestHash: input.idempotency.requestHash,
        expiresAt: input.idempotency.expiresAt.getTime(),
      });
    this.complaints.set(c.trackingId, { complaint: structuredClone(c), accessTokenHashes: [input.accessTokenHash] });
    if (input.reporter) this.reporters.set(c.trackingId, { ...input.reporter });
    for (const l of input.contactLookups ?? []) this.contacts.set(l.hash, new Set([...(this.contacts.get(l.hash) ?? []), c.trackingId]));
    this.events.set(c.trackingId, [...input.events]);
    this.noteHead(c.trackingId);
    for (const o of input.outbox) this.outbox.set(o.id, { trackingId: c.trackingId, message: o, dispatched: false });
    this.count(input.counters);
    return { kind: 'CREATED' };
  }

  async get(trackingId: string) {
    const s = this.complaints.get(trackingId);
    return s ? structuredClone(s) : undefined;
  }

  async getReporter(trackingId: string) {
    return this.reporters.get(trackingId);
  }

  /** The entries as read back: a redacted one as erasure left it (the DynamoDB store overwrites it in place). */
  private readBack(trackingId: string) {
    const redacted = this.redacted.get(trackingId);
    return (this.events.get(trackingId) ?? []).map((e, i) => redacted?.get(i) ?? e);
  }

  async timeline(trackingId: string) {
    return this.readBack(trackingId);
  }

  async timelinePage(trackingId: string, page: { limit: number; before?: string }) {
    const all = this.readBack(trackingId).map((event, i) => ({ position: String(i).padStart(8, '0'), event }));
    const older = page.before ? all.filter((e) => e.position < (page.before as string)) : all;
    const entries = older.slice(-page.limit);
    return { entries, hasOlder: older.length > entries.length };
  }

  async addAccessTokenHash(trackingId: string, hash: string, max: number) {
    const s = this.complaints.get(trackingId);
    if (!s || s.accessTokenHashes.length >= max) return false;
    s.accessTokenHashes.push(hash);
    return true;
  }

  async update(
    next: Complaint,
    expectedVersion: number,
    events: TimelineEvent[],
    outbox: OutboxMessage[] = [],
    counters: CounterDelta[] = [],
    opts: { eraseIdentity?: boolean; mergeInto?: string; escalatedBefore?: string[] } = {},
  ) {
    const s = this.complaints.get(next.trackingId);
    if (this.conflictsToSimulate > 0 && s) {
      this.conflictsToSimulate--;
      s.complaint = { ...s.complaint, version: s.complaint.version + 1 };
      return false;
    }
    if (!s || s.complaint.version !== expectedVersion) return false;
    // A merge holds only while its survivor is not archived itself (checked in the same write).
    if (opts.mergeInto && this.complaints.get(opts.mergeInto)?.complaint.status === 'ARCHIVED') return false;
    s.complaint = structuredClone(next);
    this.events.set(next.trackingId, [...(this.events.get(next.trackingId) ?? []), ...events]);
    this.noteHead(next.trackingId);
    for (const o of outbox) if (!this.outbox.has(o.id)) this.outbox.set(o.id, { trackingId: next.trackingId, message: o, dispatched: false });
    this.count(counters);
    if (opts.eraseIdentity) {
      this.reporters.delete(next.trackingId);
      for (const ids of this.contacts.values()) ids.delete(next.trackingId);
    }
    if (opts.mergeInto) {
      const merged = this.merged.get(opts.mergeInto) ?? new Set();
      merged.add(next.trackingId);
      this.merged.set(opts.mergeInto, merged);
    }
    return true;
  }

  /** Duplicates merged into a complaint, and the device hashes that supported it. */
  readonly merged = new Map<string, Set<string>>();
  readonly supporters = new Map<string, Set<string>>();
  private readonly deviceDays = new Map<string, number>();

  async supportOf(trackingId: string) {
    return { supporters: this.supporters.get(trackingId)?.size ?? 0, duplicates: this.merged.get(trackingId)?.size ?? 0 };
  }

  async addSupport(trackingId: string, deviceHash: string, limit: { day: string; perDay: number; source: { hash: string; perComplaintPerDay: number } }) {
    const given = this.supporters.get(trackingId) ?? new Set<string>();
    if (given.has(deviceHash)) return 'ALREADY' as const;
    const key = `${deviceHash}|${limit.day}`;
    const address = `${limit.source.hash}|${trackingId}`;
    if ((this.deviceDays.get(key) ?? 0) >= limit.perDay) return 'LIMITED' as const;
    if ((this.deviceDays.get(address) ?? 0) >= limit.source.perComplaintPerDay) return 'LIMITED' as const;
    this.deviceDays.set(key, (this.deviceDays.get(key) ?? 0) + 1);
    this.deviceDays.set(address, (this.deviceDays.get(address) ?? 0) + 1);
    given.add(deviceHash);
    this.supporters.set(trackingId, given);
    return 'ADDED' as const;
  }

  async openNearby(regionCode: string, categoryId: string, since: string, limit: number) {
    return [...this.complaints.values()]
      .map((s) => s.complaint)
      .filter((c) => OPEN_STATUSES.includes(c.status) && c.location.regionCode === regionCode && c.categoryId === categoryId && c.submittedAt > since)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
      .slice(0, limit);
  }

  private count(deltas: CounterDelta[] = []) {
    for (const f of figureEntriesOf(deltas)) {
      const key = `${f.month}|${f.agencyId}|${f.figure}|${f.trackingId}`;
      this.figures.set(key, { trackingId: f.trackingId, month: f.month, times: (this.figures.get(key)?.times ?? 0) + f.n });
    }
    for (const d of deltas) {
      const key = `${d.month}|${JSON.stringify(d.scope)}`;
      const figures = this.counters.get(key) ?? { scope: d.scope, counts: {} };
      for (const [k, v] of Object.entries(d.add))
        figures.counts[k as keyof CounterDelta['add']] = (figures.counts[k as keyof CounterDelta['add']] ?? 0) + (v ?? 0);
      this.counters.set(key, figures);
    }
  }

  async complaintsByContact(hash: string, limit: number) {
    return [...(this.contacts.get(hash) ?? [])].slice(0, limit);
  }

  async identitiesDueForErasure(before: string, limit: number) {
    return this.all((c) => c.hasReporterIdentity && c.identityEraseAfter !== undefined && c.identityEraseAfter < before).slice(0, limit);
  }

  async reviewsFlaggedSince(office: string, since: string, limit: number) {
    return this.all(
      (c) => c.ombudsmanReview?.office === office && c.ombudsmanReview.status === 'OPEN' && `${c.ombudsmanReview.flaggedAt}#${c.trackingId}` > since,
    )
      .sort((a, b) => `${a.ombudsmanReview?.flaggedAt}#${a.trackingId}`.localeCompare(`${b.ombudsmanReview?.flaggedAt}#${b.trackingId}`))
      .slice(0, limit);
  }

  async figureComplaints(agencyId: string, month: string, figure: Counter, limit: number) {
    const prefix = `${month}|${agencyId}|${figure}|`;
    const items = [...this.figures.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, v]) => ({ ...v }));
    return { items: items.slice(0, limit), more: items.length > limit };
  }

  async stats(month: string) {
    return [...this.counters.entries()].filter(([k]) => k.startsWith(`${month}|`)).map(([, v]) => structuredClone(v));
  }

  async appendEvent(trackingId: string, event: TimelineEvent) {
    this.events.set(trackingId, [...(this.events.get(trackingId) ?? []), event]);
    this.noteHead(trackingId);
  }

  async workQueue(queue: WorkQueue, opts: { limit: number; after?: PagePosition }): Promise<Page<Complaint>> {
    const inQueue = (c: Complaint): boolean => {
      switch (queue.kind) {
        case 'VERIFY':
          return c.status === 'SUBMITTED';
        case 'ON_HOLD':
          return c.status === 'ON_HOLD';
        case 'AGENCY':
          return (
            ['ASSIGNED', 'IN_PROGRESS', 'RESPONDED'].includes(c.status) && c.assignedAgencyId === queue.agencyId && (!queue.status || c.status === queue.status)
          );
        case 'ESCALATED':
          return escalatedQueuesOf(c).includes(queue.agencyId);
        case 'REVIEW':
          return c.ombudsmanReview?.office === queue.office && c.ombudsmanReview.status === queue.status;
      }
    };
    const sorted = this.all(inQueue).sort(byDue);
    const start = offsetOf(opts.after);
    const items = sorted.slice(start, start + opts.limit);
    return { items, ...(start + opts.limit < sorted.length ? { next: positionAt(start + opts.limit) } : {}) };
  }

  async publicFeed(month: string, opts: { limit: number; filter: FeedFilter; after?: PagePosition }): Promise<Page<Complaint>> {
    const { regionCode, categoryId, status } = opts.filter;
    const listed = this.all((c) => listedPublicly(c) && c.submittedAt.startsWith(month)).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    const start = offsetOf(opts.after);
    const examined = listed.slice(start, start + opts.limit);
    const items = examined.filter(
      (c) =>
        (!regionCode || c.location.regionCode === regionCode || c.location.regionCode.startsWith(`${regionCode}.`)) &&
        (!categoryId || c.categoryId === categoryId) &&
        (!status || c.status === status),
    );
    return { items, ...(start + opts.limit < listed.length ? { next: positionAt(start + opts.limit) } : {}) };
  }

  /** The chain computed over the entries in the order they were stored (as the DynamoDB store links them). */
  async evidence(trackingId: string) {
    const events = this.events.get(trackingId) ?? [];
    const { links } = chainEvents(trackingId, undefined, events);
    const redacted = this.redacted.get(trackingId);
    return events.map((event, i) => {
      const chain = links[i] as ChainLink;
      const shown = redacted?.get(i);
      return shown ? { chain, shown } : { event, chain };
    });
  }

  /** Each day's newest chain head per complaint (as the DynamoDB store writes `HEADS#<day>` items with the entries), and the complaint's own head. */
  readonly headsByDay = new Map<string, Map<string, string>>();
  private noteHead(trackingId: string) {
    const events = this.events.get(trackingId) ?? [];
    const { head } = chainEvents(trackingId, undefined, events);
    const last = events.at(-1);
    if (!head || !last) return;
    // The complaint records its head, as the DynamoDB store writes it with the entries.
    const stored = this.complaints.get(trackingId);
    if (stored) stored.complaint = { ...stored.complaint, timelineHead: head };
    const day = new Date(last.at).toISOString().slice(0, 10);
    const heads = this.headsByDay.get(day) ?? new Map<string, string>();
    heads.set(trackingId, head);
    this.headsByDay.set(day, heads);
  }

  /** Redacted entries by position, kept beside the originals so the chain stays computed over what was written. */
  private readonly redacted = new Map<string, Map<number, TimelineEvent>>();

  async redactAttachmentEvents(trackingId: string, attachmentIds: string[], redact: (e: TimelineEvent) => TimelineEvent) {
    const ids = new Set(attachmentIds);
    const done = this.redacted.get(trackingId) ?? new Map<number, TimelineEvent>();
    let n = 0;
    (this.events.get(trackingId) ?? []).forEach((e, i) => {
      if (done.has(i) || !e.attachment || !ids.has(e.attachment.id)) return;
      done.set(i, redact(e));
      n++;
    });
    this.redacted.set(trackingId, done);
    return n;
  }

  async dueBy(stage: string, dueBefore: string, limit: number) {
    return this.all(
      (c) => OPEN_STATUSES.includes(c.status) && !c.escalationExhausted && c.deadline.stage === stage && Date.parse(c.deadline.dueAt) < Date.parse(dueBefore),
    )
      .sort(byDue)
      .slice(0, limit);
  }

  async statuteDueBy(before: string, limit: number) {
    return this.all((c) => OPEN_STATUSES.includes(c.status) && c.statute !== undefined && Date.parse(c.statute.decideBy) < Date.parse(before)).slice(0, limit);
  }

  async markDispatched(_trackingId: string, outboxId: string) {
    const row = this.outbox.get(outboxId);
    if (row) row.dispatched = true;
  }

  async pendingOutbox(trackingId: string) {
    return [...this.outbox.values()].filter((r) => r.trackingId === trackingId && !r.dispatched).map((r) => r.message);
  }

  async undispatchedOutbox(createdBefore: string, limit: number) {
    return [...this.outbox.values()]
      .filter((r) => !r.dispatched && r.message.createdAt < createdBefore)
      .slice(0, limit)
      .map((r) => ({ trackingId: r.trackingId, message: r.message }));
  }

  private all(pred: (c: Complaint) => boolean) {
    return [...this.complaints.values()].map((s) => structuredClone(s.complaint)).filter(pred);
  }
}

/** Every port in memory, at a fixed time; override what a test is about. */
export function memoryDeps(over: Partial<Deps> & { now?: string } = {}) {
  const store = new InMemoryComplaintStore();
  const queue = new InMemoryQueue();
  const mailer = new InMemoryMailer();
  const calendar = officialCalendar();
  let now = new Date(over.now ?? '2026-04-06T02:00:00Z');
  let seed = 0;
  const deps: Deps = {
    store,
    chainHeads: new InMemoryChainHeads(store),
    services: new InMemoryServiceCatalogue(),
    clientKeys: new InMemoryClientKeys(),
    directory: new InMemoryAgencyDirectory(),
    illegalLevyToOmbudsman: true,
    queue,
    mailer,
    digests: new InMemoryDigestLedger(),
    clock: { now: () => now },
    random: { bytes: (n) => Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) & 0xff)) },
    calendar: { current: async () => calendar },
    calendarStore: { changes: async () => [], record: async () => undefined },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    cursors: hmacCursors('memory-cursor-key-0123456789abcdef0123'),
    contacts: hmacContactHasher('memory-contact-key-0123456789abcdef012'),
    policyFor: policyResolver(NATIONAL_POLICY),
    autoRoutedCategories: new Set(),
    agencyEmailDomain: 'instansi.example',
    portalUrl: 'https://aduan.example',
    staffAccounts: new InMemoryStaffAccounts(() => now),
    staffRecords: new InMemoryStaffRecords(),
    readiness: new InMemoryAgencyReadiness(),
    ...over,
  };
  return { deps, store, queue, mailer, setNow: (iso: string) => (now = new Date(iso)), month: () => monthOf(now.toISOString()) };
}
