import { listedPublicly } from '../core/access';
import { type Complaint, OPEN_STATUSES, type TimelineEvent } from '../core/complaint';
import { DomainError } from '../core/errors';
import type { ChainLink } from '../core/evidence';
import type { CounterDelta } from '../core/monitoring';
import type { ContactKind, OutboxMessage, PagePosition, WorkQueue } from '../core/ports';

/**
 * The table's key schema, in one place: the store, the CDK construct that creates the table and
 * the benchmarks that seed it all read it from here.
 *
 * Single-table layout:
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
 * GSI PublicFeed (gsi8pk PUBLIC#<yyyy-mm submitted>, gsi8sk <submittedAt>#<id>): complaints listed
 *   publicly (core/access.ts listedPublicly), newest first a month at a time; a confidential one is
 *   never in it.
 *   pk SVC#<serviceId> sk META                      a public service (SIPP)
 *   pk SVC#<serviceId> sk VERSION#<000n>            each version of its standard
 *   pk APIKEY#<sha256 of the key> sk META           an Open311 client application's key
 * GSI Catalogue (gsi9pk SERVICE, gsi9sk <name>#<id>): every service by name, for search.
 * GSI ByPlace (gsi10pk PLACE#<regionCode>#<categoryId>, gsi10sk <submittedAt>#<id>, keys only):
 *   open complaints by place and category, newest first — the duplicate candidates a verifier sees.
 *   pk C#<trackingId>  sk SUPPORT                   counts: supporters, duplicates merged into it
 *   pk C#<trackingId>  sk SUPPORTER#<device hash>   one device's support (no identity: a random token's hash)
 *   pk C#<trackingId>  sk DUPLICATE#<trackingId>    a report merged into this one
 *   pk DEVICE#<hash>   sk DAY#<yyyy-mm-dd>          a device's supports that day (TTL: the cap's memory)
 *   pk ADDRESS#<hmac>  sk C#<trackingId>            one address's supports of a complaint that day (the day is in the keyed hash; TTL)
 *   pk HEADS#<yyyy-mm-dd> sk <trackingId>          a complaint's newest chain head that day (written with the entries)
 *   pk CHAINDIGEST     sk <yyyy-mm-dd>              the day's signed digest of those heads, chained to the day before
 *   pk AGENCY#<id>     sk CONTACT                   an agency's contact as operators keep it (the directory)
 *   pk AGENCY#<id>     sk AUDIT#<at>#<n>            each change of it
 *   pk STAFF#<username> sk AUDIT#<at>#<id>          each change of a staff account (the account itself is in Cognito)
 *   pk AGENCYSTAFF#<agencyId> sk <username>          an agency's roster: the accounts acting for it, group and status
 *   pk SIGNIN#<username> sk LAST                   when the account last signed in (written by the sign-in route only)
 *   pk READINESS       sk <agencyId>                 the facts an agency's readiness is judged from (one partition: ≤ 600 items)
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
  publicFeedIndex: { name: 'PublicFeed', partitionKey: 'gsi8pk', sortKey: 'gsi8sk' },
  catalogueIndex: { name: 'Catalogue', partitionKey: 'gsi9pk', sortKey: 'gsi9sk' },
  byPlaceIndex: { name: 'ByPlace', partitionKey: 'gsi10pk', sortKey: 'gsi10sk', keysOnly: true },
  ttlAttribute: 'expiresAt',
} as const;

/** Every global secondary index, as the table construct creates them. */
export const INDEXES = [
  TABLE_KEYS.byQueueIndex,
  TABLE_KEYS.byDeadlineIndex,
  TABLE_KEYS.byReviewIndex,
  TABLE_KEYS.byStatuteIndex,
  TABLE_KEYS.byEscalationIndex,
  TABLE_KEYS.outboxIndex,
  TABLE_KEYS.byRetentionIndex,
  TABLE_KEYS.byContactIndex,
  TABLE_KEYS.publicFeedIndex,
  TABLE_KEYS.catalogueIndex,
  TABLE_KEYS.byPlaceIndex,
] as const;

/**
 * The partition-key prefixes of the item families a function may be limited to writing (IAM's
 * `dynamodb:LeadingKeys`): what a public-facing function that parses attackers' input may touch.
 */
export const WRITABLE_FAMILIES = {
  complaint: 'C#',
  idempotency: 'IDEMPOTENCY#',
  statistics: 'STATS#',
  deviceDay: 'DEVICE#',
  addressDay: 'ADDRESS#',
  chainHeads: 'HEADS#',
  agencyStaff: 'AGENCYSTAFF#',
  readiness: 'READINESS',
  signIn: 'SIGNIN#',
} as const;
export type WritableFamily = keyof typeof WRITABLE_FAMILIES;

export const complaintPk = (trackingId: string) => `${WRITABLE_FAMILIES.complaint}${trackingId}`;
export const OUTBOX_PENDING = 'PENDING';
export const REPORTER_SK = 'REPORTER';
export const contactSk = (kind: ContactKind) => `CONTACT#${kind}`;
export const contactLookupPk = (hash: string) => `CONTACT#${hash}`;
export const statsPk = (month: string) => `${WRITABLE_FAMILIES.statistics}${month}`;
export const statsSk = (scope: CounterDelta['scope']) =>
  scope.kind === 'AGENCY' ? `AGENCY#${scope.agencyId}` : scope.kind === 'REGION' ? `REGION#${scope.regionCode}` : `SERVICE#${scope.serviceId}#${scope.version}`;
/** The complaints behind an agency's figures of a month: under the statistics family, written with the counters. */
export const figuresPk = (month: string, agencyId: string) => `${WRITABLE_FAMILIES.statistics}${month}#FIGURES#${agencyId}`;
export const figureSk = (figure: string, trackingId: string) => `${figure}#${trackingId}`;
export const digestPk = (office: string) => `DIGEST#${office}`;
export const digestDaySk = (date: string) => `DAY#${date}`;
export const DIGEST_LAST_SK = 'LAST';
export const idempotencyKey = (key: string) => ({ pk: `${WRITABLE_FAMILIES.idempotency}${key}`, sk: 'IDEMPOTENCY' });
export const DUE_PK = (stage: string) => `DUE#${stage}`;
export const STATUTE_PK = 'STATUTE#OPEN';
export const RETENTION_PK = 'RETENTION#IDENTITY';
export const servicePk = (serviceId: string) => `SVC#${serviceId}`;
export const serviceVersionSk = (version: number) => `VERSION#${String(version).padStart(4, '0')}`;
export const CATALOGUE_PK = 'SERVICE';
export const clientKeyPk = (hash: string) => `APIKEY#${hash}`;
export const agencyPk = (agencyId: string) => `AGENCY#${agencyId}`;
export const AGENCY_CONTACT_SK = 'CONTACT';
export const agencyAuditSk = (at: string, n: number) => `AUDIT#${at}#${n}`;
export const SUPPORT_SK = 'SUPPORT';
export const supporterSk = (deviceHash: string) => `SUPPORTER#${deviceHash}`;
export const duplicateSk = (trackingId: string) => `DUPLICATE#${trackingId}`;
export const deviceDayKey = (deviceHash: string, day: string) => ({ pk: `${WRITABLE_FAMILIES.deviceDay}${deviceHash}`, sk: `DAY#${day}` });
/** A complaint's newest chain head on a day (UTC), written with every entry that moves it: what the day's digest covers. */
export const headOfDayKey = (day: string, trackingId: string) => ({ pk: `${WRITABLE_FAMILIES.chainHeads}${day}`, sk: trackingId });
/** The published, signed digests of the days' chain heads, one item a day. */
export const chainDigestKey = (day: string) => ({ pk: 'CHAINDIGEST', sk: day });
/** One network address's supports of one complaint in one day (the address as that day's keyed hash; the item expires). */
export const addressDayKey = (addressOfDay: string, trackingId: string) => ({ pk: `${WRITABLE_FAMILIES.addressDay}${addressOfDay}`, sk: `C#${trackingId}` });
export const placePk = (regionCode: string, categoryId: string) => `PLACE#${regionCode}#${categoryId}`;
/** The public feed's partition of a month (`2026-11`). */
export const publicFeedPk = (month: string) => `PUBLIC#${month}`;

const OPEN = new Set<string>(OPEN_STATUSES);

/** Where a work queue lives: its index and partition. */
export function workQueueKey(q: WorkQueue): { index: IndexKeys; partition: string } {
  switch (q.kind) {
    case 'VERIFY':
      return { index: TABLE_KEYS.byQueueIndex, partition: 'QUEUE#VERIFY' };
    case 'ON_HOLD':
      return { index: TABLE_KEYS.byQueueIndex, partition: 'QUEUE#ON_HOLD' };
    case 'AGENCY':
      return { index: TABLE_KEYS.byQueueIndex, partition: `AGENCY#${q.agencyId}` };
    case 'ESCALATED':
      return { index: TABLE_KEYS.byEscalationIndex, partition: `ESCALATED#${q.agencyId}` };
    case 'REVIEW':
      return { index: TABLE_KEYS.byReviewIndex, partition: `REVIEW#${q.office}#${q.status}` };
    default:
      throw new Error(`unknown work queue ${JSON.stringify(q satisfies never)}`);
  }
}

export type IndexKeys = { name: string; partitionKey: string; sortKey: string; keysOnly?: boolean };

/** The work queue a complaint sits in (closed ones move to DONE#…, which no inbox reads). */
function workQueueOf(c: Pick<Complaint, 'status' | 'assignedAgencyId'>): string {
  switch (c.status) {
    case 'SUBMITTED':
      return workQueueKey({ kind: 'VERIFY' }).partition;
    case 'ON_HOLD':
      return workQueueKey({ kind: 'ON_HOLD' }).partition;
    case 'ASSIGNED':
    case 'IN_PROGRESS':
    case 'RESPONDED':
      return workQueueKey({ kind: 'AGENCY', agencyId: c.assignedAgencyId as string }).partition;
    default:
      return `DONE#${c.assignedAgencyId ?? 'NONE'}`;
  }
}

/** The index keys of a complaint as it is now; undefined ones are removed from the item. */
export function indexKeys(c: Complaint): Record<string, string | undefined> {
  const due = `${new Date(c.deadline.dueAt).toISOString()}#${c.trackingId}`;
  const open = OPEN.has(c.status);
  const disposedMiss = c.deadline.stage === 'DISPOSITION' && (c.misses ?? []).some((m) => m.stage === 'DISPOSITION' && m.dueAt === c.deadline.dueAt);
  const sweepable = open && !c.escalationExhausted && !disposedMiss;
  const statuteOpen = open && c.statute && !c.ombudsmanReview?.reasons.includes('RESOLUTION_LIMIT_PASSED');
  const erasable = c.hasReporterIdentity && c.identityEraseAfter ? `${new Date(c.identityEraseAfter).toISOString()}#${c.trackingId}` : undefined;
  return {
    gsi1pk: workQueueOf(c),
    gsi1sk: due,
    gsi2pk: sweepable ? DUE_PK(c.deadline.stage) : undefined,
    gsi2sk: sweepable ? due : undefined,
    gsi3pk: c.ombudsmanReview ? workQueueKey({ kind: 'REVIEW', office: c.ombudsmanReview.office, status: c.ombudsmanReview.status }).partition : undefined,
    gsi3sk: c.ombudsmanReview ? `${c.ombudsmanReview.flaggedAt}#${c.trackingId}` : undefined,
    gsi4pk: statuteOpen ? STATUTE_PK : undefined,
    gsi4sk: statuteOpen && c.statute ? `${new Date(c.statute.decideBy).toISOString()}#${c.trackingId}` : undefined,
    // The "escalated to us" queues are entries of their own, one per agency (escalationEntryItem).
    gsi5pk: undefined,
    gsi5sk: undefined,
    gsi6pk: erasable ? RETENTION_PK : undefined,
    gsi6sk: erasable,
    gsi10pk: open ? placePk(c.location.regionCode, c.categoryId) : undefined,
    gsi10sk: open ? `${c.submittedAt}#${c.trackingId}` : undefined,
    gsi8pk: listedPublicly(c) ? publicFeedPk(c.submittedAt.slice(0, 7)) : undefined,
    gsi8sk: listedPublicly(c) ? `${c.submittedAt}#${c.trackingId}` : undefined,
  };
}

/** The entry of one agency's "escalated to us" queue: the complaint as written, ordered by its deadline. */
export const escalationEntrySk = (agencyId: string) => `ESCALATED#${agencyId}`;
export function escalationEntryItem(c: Complaint, agencyId: string): Record<string, unknown> {
  return {
    pk: complaintPk(c.trackingId),
    sk: escalationEntrySk(agencyId),
    entity: 'ESCALATION',
    gsi5pk: workQueueKey({ kind: 'ESCALATED', agencyId }).partition,
    gsi5sk: `${new Date(c.deadline.dueAt).toISOString()}#${c.trackingId}`,
    complaint: c,
  };
}

/**
 * The position a page of an index query returns (its LastEvaluatedKey), as the opaque string the
 * core carries: only this adapter reads it back.
 */
export const positionOf = (lastEvaluatedKey: Record<string, unknown>): PagePosition =>
  Buffer.from(JSON.stringify(lastEvaluatedKey)).toString('base64url') as PagePosition;

/**
 * The ExclusiveStartKey of a position, checked to be a key of this index and partition: a
 * cursor opens only where it was made (the cursor's seal already rules out forgery).
 */
export function pageKey(position: PagePosition, index: IndexKeys, queue: string): Record<string, string> {
  let key: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(position, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) key = parsed as Record<string, unknown>;
  } catch {
    // not a position of this adapter: refused below
  }
  const names = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, index.partitionKey, index.sortKey];
  const ok =
    Object.keys(key).length === names.length &&
    names.every((n) => typeof key[n] === 'string' && (key[n] as string).length <= 512) &&
    key[index.partitionKey] === queue;
  if (!ok) throw new DomainError('VALIDATION', 'Kursor tidak valid', [{ field: 'cursor', message: 'kursor tidak valid' }]);
  return key as Record<string, string>;
}

/** The stored form of a complaint (the benchmarks seed with it too). */
export function complaintItem(c: Complaint, accessTokenHashes?: string[]) {
  return {
    pk: complaintPk(c.trackingId),
    sk: 'META',
    entity: 'COMPLAINT',
    ...Object.fromEntries(Object.entries(indexKeys(c)).filter(([, v]) => v !== undefined)),
    complaint: c,
    ...(accessTokenHashes ? { accessTokenHashes: new Set(accessTokenHashes) } : {}),
  };
}

export const eventItem = (trackingId: string, e: TimelineEvent, n = 0, chain?: ChainLink) => ({
  pk: complaintPk(trackingId),
  sk: `EVENT#${e.at}#${n}#${e.type}`,
  entity: 'EVENT',
  event: e,
  ...(chain ? { chain } : {}),
});

export const outboxItem = (trackingId: string, o: OutboxMessage) => ({
  pk: complaintPk(trackingId),
  sk: `OUTBOX#${o.id}`,
  entity: 'OUTBOX',
  outboxPending: OUTBOX_PENDING,
  outboxCreatedAt: `${o.createdAt}#${o.id}`,
  message: o,
});
export const staffPk = (username: string) => `STAFF#${username}`;
export const staffAuditSk = (at: string, id: string) => `AUDIT#${at}#${id}`;
export const rosterPk = (agencyId: string) => `${WRITABLE_FAMILIES.agencyStaff}${agencyId}`;
export const READINESS_PK = WRITABLE_FAMILIES.readiness;
export const signInKey = (username: string) => ({ pk: `${WRITABLE_FAMILIES.signIn}${username}`, sk: 'LAST' });
