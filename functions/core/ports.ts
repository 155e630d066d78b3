import type { AgencyContact, DirectoryChange } from './agency-contacts';
import type { AttachmentType } from './attachment-record';
import type { Complaint, ComplaintStatus, OmbudsmanReview, ReporterIdentity, TimelineEvent } from './complaint';
import type { RenderedEmail } from './emails/agency-assignment';
import type { ChainHead, ChainHeadsDigest, EvidenceEntry } from './evidence';
import type { Counter, CounterDelta } from './monitoring';
import type { NotificationTemplate } from './notifications';
import type { PublicService, ServiceStandard } from './services';
import type { SupportCount } from './support';
import type { CalendarChange, WorkingDayCalendar } from './working-days';

/**
 * Where a listing's next page starts: a string only the store that made it reads back (the
 * DynamoDB adapter's paging key, the in-memory store's offset). The core seals it into a cursor
 * and never looks into it, so no store's paging detail crosses the port.
 */
export type PagePosition = string & { readonly __brand: 'PagePosition' };

/** One page of a listing, and where the next one starts (none after the last). */
export interface Page<T> {
  items: T[];
  next?: PagePosition;
}

export interface Clock {
  now(): Date;
}

export interface RandomSource {
  bytes(n: number): Uint8Array;
}

/** The work queues, by one name everywhere (wiring, stack, outbox rows, adapters). */
export type QueueName = 'routing' | 'notification' | 'sweep' | 'upload';

export type QueueMessage =
  | { kind: 'ROUTE_COMPLAINT'; trackingId: string }
  | { kind: 'NOTIFY'; trackingId: string; notificationId: string; template: NotificationTemplate; agencyId?: string; message?: string }
  /** A slice of a large sweep, handed to workers. */
  | { kind: 'SWEEP_COMPLAINTS'; trackingIds: string[]; asOf: string }
  /** A reporter's files to erase with their identity: every version of every object, and their names on the timeline. */
  | { kind: 'ERASE_ATTACHMENTS'; trackingId: string; attachmentIds: string[] };

export type NotifyMessage = Extract<QueueMessage, { kind: 'NOTIFY' }>;

/** A message written in the same transaction as the state change that caused it. */
export interface OutboxMessage {
  id: string;
  queue: QueueName;
  body: QueueMessage;
  createdAt: string;
}

/** A work queue, oldest deadline first: what an inbox reads. */
export type WorkQueue =
  | { kind: 'VERIFY' }
  | { kind: 'ON_HOLD' }
  | { kind: 'AGENCY'; agencyId: string; status?: ComplaintStatus }
  | { kind: 'ESCALATED'; agencyId: string }
  | { kind: 'REVIEW'; office: string; status: OmbudsmanReview['status'] };

/** One month's monitoring counters of one agency or region. */
export interface MonthlyFigures {
  scope: CounterDelta['scope'];
  counts: CounterDelta['add'];
}

export interface StoredComplaint {
  complaint: Complaint;
  accessTokenHashes: string[];
}

export type CreateResult = { kind: 'CREATED' } | { kind: 'DUPLICATE_KEY'; trackingId: string; requestHash: string } | { kind: 'TRACKING_ID_TAKEN' };

/** What the public feed can be narrowed by. */
export interface FeedFilter {
  /** A province (`51`) or a regency/city (`51.03`): complaints in it. */
  regionCode?: string;
  categoryId?: string;
  status?: ComplaintStatus;
}

/** Complaints themselves: created with their first entries, read, saved version over version, their access tokens and the identity kept apart. */
export interface Complaints {
  create(input: {
    complaint: Complaint;
    reporter: ReporterIdentity | undefined;
    accessTokenHash: string;
    /** Its first timeline entries (the submission, and a flag raised at once). */
    events: TimelineEvent[];
    outbox: OutboxMessage[];
    idempotency?: { key: string; requestHash: string; expiresAt: Date; now: Date };
    counters?: CounterDelta[];
    /** Keyed hashes of the reporter's email and phone (the contact lookup). */
    contactLookups?: { kind: ContactKind; hash: string }[];
  }): Promise<CreateResult>;
  get(trackingId: string): Promise<StoredComplaint | undefined>;
  /**
   * Saves a new version if nobody else changed it meanwhile; `false` when the version moved on.
   * With `eraseIdentity`, the identity and its contact lookups are deleted in the same write.
   */
  update(
    next: Complaint,
    expectedVersion: number,
    events: TimelineEvent[],
    outbox?: OutboxMessage[],
    counters?: CounterDelta[],
    /**
     * With `mergeInto`, the complaint is a duplicate merged into that one: its link and count go in
     * the same write. `escalatedBefore`: the agencies it was escalated to as read, so a store that
     * keeps an entry per agency removes those that no longer apply.
     */
    opts?: { eraseIdentity?: boolean; mergeInto?: string; escalatedBefore?: string[] },
  ): Promise<boolean>;
  /** Adds a token to a complaint that holds fewer than `max`; false when it already holds `max`. */
  addAccessTokenHash(trackingId: string, hash: string, max: number): Promise<boolean>;
  /** Reads the identity kept apart from the complaint; callers must respect `anonymous`. */
  getReporter(trackingId: string): Promise<ReporterIdentity | undefined>;
}

/** A complaint's timeline: its entries, their hash-chain evidence, audit entries, redaction of withheld files. */
export interface Timelines {
  timeline(trackingId: string): Promise<TimelineEvent[]>;
  /**
   * The newest `limit` timeline entries before `before` (an entry's position from an earlier
   * page), oldest first, with their positions; `hasOlder` when more may come before them.
   */
  timelinePage(
    trackingId: string,
    page: { limit: number; before?: string },
  ): Promise<{ entries: { position: string; event: TimelineEvent }[]; hasOlder: boolean }>;
  /** Every timeline entry with its hash-chain link (core/evidence.ts), oldest first. */
  evidence(trackingId: string): Promise<EvidenceEntry[]>;
  /** Appends an audit entry without changing the complaint (e.g. a staff read of an identity). */
  appendEvent(trackingId: string, event: TimelineEvent): Promise<void>;
  /**
   * Replaces the timeline entries about these attachments with what `redact` keeps (that a file
   * existed and its hash). Each keeps its chain link: a bundle shows it as withheld, and the
   * chain still verifies. Returns how many entries were redacted.
   */
  redactAttachmentEvents(trackingId: string, attachmentIds: string[], redact: (e: TimelineEvent) => TimelineEvent): Promise<number>;
}

/** The messages written with each change, handed to their queues by the relay. */
export interface Outbox {
  markDispatched(trackingId: string, outboxId: string, at: string): Promise<void>;
  pendingOutbox(trackingId: string): Promise<OutboxMessage[]>;
  /** Outbox messages never handed to their queue, oldest first. */
  undispatchedOutbox(createdBefore: string, limit: number): Promise<{ trackingId: string; message: OutboxMessage }[]>;
}

/** Read-only queries over many complaints: each bounded, listings paged by an opaque position. */
export interface ComplaintQueries {
  /** A work queue, oldest deadline first; `after` is the position an earlier page returned. */
  workQueue(queue: WorkQueue, opts: { limit: number; after?: PagePosition }): Promise<Page<Complaint>>;
  /**
   * One read of the public feed of a month (complaints submitted then and listed publicly),
   * newest first: at most `limit` items examined, those matching the filter returned.
   */
  publicFeed(month: string, opts: { limit: number; filter: FeedFilter; after?: PagePosition }): Promise<Page<Complaint>>;
  /** Open complaints whose current deadline of `stage` falls before `dueBefore`. */
  dueBy(stage: string, dueBefore: string, limit: number): Promise<Complaint[]>;
  /** Open complaints whose 60-day resolution limit falls before `before`. */
  statuteDueBy(before: string, limit: number): Promise<Complaint[]>;
  /** Open reviews of an Ombudsman office flagged after `since` (a watermark: `<flaggedAt>#<trackingId>`), oldest first, at most `limit`. */
  reviewsFlaggedSince(office: string, since: string, limit: number): Promise<Complaint[]>;
  /** Ended complaints whose identity's retention period ends before `before`. */
  identitiesDueForErasure(before: string, limit: number): Promise<Complaint[]>;
  /** Complaints whose reporter left this contact (by its keyed hash). */
  complaintsByContact(hash: string, limit: number): Promise<string[]>;
  /** Open complaints of a place (regency or province code) and category submitted after `since`, newest first, at most `limit`. */
  openNearby(regionCode: string, categoryId: string, since: string, limit: number): Promise<Complaint[]>;
  /** Monitoring counters of one month: agencies and regions. */
  stats(month: string): Promise<MonthlyFigures[]>;
  /**
   * The complaints behind one of an agency's figures in a month (written with its counter), in
   * tracking-number order, at most `limit`; `more` when others remain.
   */
  figureComplaints(agencyId: string, month: string, figure: Counter, limit: number): Promise<{ items: FigureComplaint[]; more: boolean }>;
}

/** One complaint counted in one of an agency's figures of a month, and how many times it was. */
export interface FigureComplaint {
  trackingId: string;
  month: string;
  times: number;
}

/** People's support of a complaint ("saya juga mengalami"). */
export interface Supports {
  /** People who said they have the same problem, and reports merged into it. */
  supportOf(trackingId: string): Promise<SupportCount>;
  /**
   * One device's support of a complaint (by the hash of its random token): once per complaint, at
   * most `perDay` a day per device; the day's counter expires at `expiresAt` (epoch seconds).
   */
  addSupport(
    trackingId: string,
    deviceHash: string,
    limit: {
      day: string;
      perDay: number;
      expiresAt: number;
      /** The day's keyed hash of the network address the support came from, and how many supports of this complaint it may give that day. */
      source: { hash: string; perComplaintPerDay: number };
      /** When the supporter's record (its device hash) is forgotten, epoch seconds. */
      supporterExpiresAt: number;
    },
  ): Promise<'ADDED' | 'ALREADY' | 'LIMITED'>;
}

/**
 * The complaint store by concept (one DynamoDB table implements them all, as does the in-memory
 * store the tests use; test/integration/complaint-store.test.ts holds both to one contract). A use
 * case names the parts it uses.
 */
export interface ComplaintStore extends Complaints, Timelines, Outbox, ComplaintQueries, Supports {}

/** The working-day calendar in force (official data with operators' changes); its adapter caches it. */
export interface CalendarSource {
  current(opts?: { fresh?: boolean }): Promise<WorkingDayCalendar>;
}

/** The Ombudsman offices' digests: one a day each, never two, never a flag lost. */
export interface DigestLedger {
  /** Claims the digest of an office for a day; false if it was already sent (or is being sent). */
  claim(office: string, date: string, at: string): Promise<boolean>;
  /** Records a sent digest; `watermark` is the newest flag it listed (the next digest starts after it). */
  complete(office: string, date: string, sent: { at: string; watermark: string; count: number }): Promise<void>;
  release(office: string, date: string): Promise<void>;
  /** The watermark of the office's last digest. */
  lastWatermark(office: string): Promise<string | undefined>;
}

export interface CalendarStore {
  changes(): Promise<CalendarChange[]>;
  record(change: CalendarChange): Promise<void>;
}

/** Encrypts reporter identities at rest; only functions granted the key can open them. */
export interface IdentityCipher {
  seal(trackingId: string, identity: ReporterIdentity): Promise<string>;
  open(trackingId: string, sealed: string): Promise<ReporterIdentity>;
}

export type ContactKind = 'EMAIL' | 'PHONE';

/** Keyed hashes of a reporter's contact, so one person's complaints can be found without storing it in clear. */
export interface ContactHasher {
  hash(kind: ContactKind, value: string): string;
  /** The code that proves the reporter of `trackingId` reads `email` (sent once, never stored). */
  emailConfirmationCode(trackingId: string, email: string): string;
  /** A network address's keyed hash for one day only: the next day the same address hashes to something unrelated. */
  addressOfDay(address: string, day: string): string;
}

/** Opaque, tamper-evident page cursors, each bound to the list (scope) it pages. */
export interface CursorCodec {
  seal(scope: string, value: unknown): string;
  /** The value sealed for this scope, or undefined for a forged, edited or foreign cursor. */
  open(scope: string, token: string): unknown;
}

export interface MessageQueue {
  send(queue: QueueName, message: QueueMessage, dedupeId: string): Promise<void>;
}

export interface Mailer {
  send(to: string, email: RenderedEmail): Promise<{ messageId: string }>;
}

export interface Logger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

/** What the service catalogue can be searched by. */
export interface ServiceFilter {
  /** Words of the name, unit or agency (case-insensitive). */
  q?: string;
  agencyId?: string;
  /** Services available there: its own, its province's and national ones. */
  regionCode?: string;
}

/** A service with every version of its standard, oldest first. */
export interface CatalogueEntry {
  service: PublicService;
  versions: ServiceStandard[];
}

/** SIPP: the services agencies publish and the versions of their standards. */
export interface ServiceCatalogue {
  get(serviceId: string): Promise<CatalogueEntry | undefined>;
  /** Creates services with their first version, all or none; false when an id is taken. */
  create(entries: { service: PublicService; standard: ServiceStandard }[]): Promise<{ ok: true } | { ok: false; taken: string[] }>;
  /** Adds the next version and makes it current, only over the version read (false otherwise). */
  publish(serviceId: string, standard: ServiceStandard, expectedVersion: number, at: string): Promise<boolean>;
  retire(serviceId: string, at: string): Promise<boolean>;
  /** One read of the catalogue, by name: at most `limit` services examined. */
  search(filter: ServiceFilter, opts: { limit: number; after?: PagePosition }): Promise<Page<PublicService>>;
}

/** Keys issued to client applications (Open311), kept only as hashes. */
export interface ClientKeys {
  /** Stores a new key's hash; false when that hash exists. */
  issue(hash: string, client: { name: string; issuedBy: string; issuedAt: string }): Promise<boolean>;
  /** The client a key's hash belongs to, if any and not revoked. */
  find(hash: string): Promise<{ name: string } | undefined>;
  /** Revokes a key by its hash (its id): from then on it opens nothing. False when there is no such key. */
  revoke(hash: string, by: { revokedBy: string; revokedAt: string }): Promise<boolean>;
}

/** The days' chain heads and their published digests (core/evidence.ts). */
export interface ChainHeadLedger {
  /** Every complaint whose chain moved on `day` (UTC) with its newest head that day. */
  headsOf(day: string): Promise<ChainHead[]>;
  digest(day: string): Promise<ChainHeadsDigest | undefined>;
  /** The newest published digest, if any. */
  latest(): Promise<ChainHeadsDigest | undefined>;
  /** Records a day's digest once; false when that day is published already. */
  record(digest: ChainHeadsDigest): Promise<boolean>;
}

/** Signs case bundles (an asymmetric KMS key in AWS, a local key under `npm start`). */
export interface BundleSigner {
  /** An ECDSA P-256 / SHA-256 signature (DER, base64) over the bundle's 32-byte digest taken as the message. */
  sign(digest: Buffer): Promise<string>;
  /** The public key that verifies it (PEM, SPKI). */
  publicKeyPem(): Promise<string>;
}

/** A presigned request the client sends the bytes with (the API never carries them). */
export interface UploadRequest {
  method: 'PUT';
  url: string;
  /** Headers the client must send as they are: the signature covers them (type and exact size). */
  headers: Record<string, string>;
  expiresAt: string;
}

/** Object storage of attachments (S3 in AWS, an S3 emulator under `npm start`). */
export interface AttachmentStorage {
  /** A presigned upload to `key` that the storage itself refuses for any other type or size, and for a second write. */
  uploadRequest(key: string, contentType: AttachmentType, size: number, expiresInSeconds: number): Promise<UploadRequest>;
  /** The object's bytes, or `undefined` when there is none; `TOO_LARGE` past `maxBytes` (nothing more is read). */
  read(key: string, maxBytes: number): Promise<Uint8Array | 'TOO_LARGE' | undefined>;
  /** Stores the bytes; the version the storage gave them, where it keeps versions. */
  write(key: string, bytes: Uint8Array, contentType: string): Promise<{ versionId?: string }>;
  remove(key: string): Promise<void>;
  /** Removes the object and every earlier version of it (a versioned bucket keeps them otherwise). */
  erase(key: string): Promise<void>;
  /** A presigned download that saves the file under `fileName`. */
  downloadUrl(key: string, fileName: string, contentType: string, expiresInSeconds: number): Promise<string>;
}

/**
 * A file rewritten without what identifies its maker: an image re-encoded from its pixels (no
 * EXIF GPS, camera serial or XMP; orientation applied) with a small JPEG preview; a PDF without
 * its document properties and XMP metadata.
 */
export interface CleanFile {
  bytes: Uint8Array;
  contentType: AttachmentType;
  preview?: Uint8Array;
}

export interface AttachmentCleaner {
  /** Reads and rewrites; `undefined` when the bytes are not a readable file of that type. */
  clean(bytes: Uint8Array, type: AttachmentType): Promise<CleanFile | undefined>;
}

/** The agency directory's stored contacts and their audit trail. */
export interface AgencyDirectory {
  contact(agencyId: string): Promise<AgencyContact | undefined>;
  /**
   * Saves contacts with their audit entries, all or none, each only over the version read
   * (0: none stored yet); false when any moved on.
   */
  save(changes: { contact: AgencyContact; expectedVersion: number; audit: DirectoryChange }[]): Promise<boolean>;
  /** The changes of one agency's contact, newest first. */
  history(agencyId: string, limit: number): Promise<DirectoryChange[]>;
}
