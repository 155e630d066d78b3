/** In-memory stand-ins of the ports besides the complaint store (in-memory.ts): queue, mail, ledgers, keys, catalogue, directory. */
/**
 * In-memory implementations of every port, for fast use-case tests (never shipped). They keep
 * the contracts the DynamoDB, SQS and SES adapters keep — version-checked updates, one outbox row
 * per id, sparse "due" queries — so logic can be tested in milliseconds; the adapters themselves
 * are tested against the emulators in test/integration.
 */

import type { AgencyContact, DirectoryChange } from '../../functions/core/agency-contacts';
import type { RenderedEmail } from '../../functions/core/emails/agency-assignment';
import type { ChainHeadsDigest } from '../../functions/core/evidence';
import type { Language } from '../../functions/core/languages';
import type {
  AgencyDirectory,
  AttachmentStorage,
  CatalogueEntry,
  ChainHeadLedger,
  ClientKeys,
  DigestLedger,
  MessageQueue,
  Page,
  PagePosition,
  QueueMessage,
  QueueName,
  ServiceCatalogue,
  ServiceFilter,
} from '../../functions/core/ports';
import type { ReadinessFacts } from '../../functions/core/readiness';
import type { PublicService, ServiceStandard } from '../../functions/core/services';
import type { Invitation, Placement, StaffAccount, StaffChange, StaffGroup } from '../../functions/core/staff-accounts';
import type { AgencyReadiness, RosterEntry, StaffAccounts, StaffRecords } from '../../functions/core/staff-ports';

/** The in-memory stores' page positions: an offset, opaque to the core as the DynamoDB adapter's keys are. */
export const positionAt = (offset: number) => `offset:${offset}` as PagePosition;
export const offsetOf = (p: PagePosition | undefined) => (p ? Number(p.slice('offset:'.length)) : 0);

export class InMemoryQueue implements MessageQueue {
  readonly sent: { queue: QueueName; message: QueueMessage; dedupeId: string }[] = [];
  async send(queue: QueueName, message: QueueMessage, dedupeId: string) {
    this.sent.push({ queue, message, dedupeId });
  }
}

export class InMemoryMailer {
  readonly sent: { to: string; email: RenderedEmail }[] = [];
  async send(to: string, email: RenderedEmail) {
    this.sent.push({ to, email });
    return { messageId: `m${this.sent.length}` };
  }
}

/** A digest ledger with DynamoDB's semantics: a day's claim is granted once. */
export class InMemoryDigestLedger implements DigestLedger {
  readonly days = new Map<string, 'SENDING' | 'SENT'>();
  readonly watermarks = new Map<string, string>();
  async claim(office: string, date: string) {
    const key = `${office}|${date}`;
    if (this.days.has(key)) return false;
    this.days.set(key, 'SENDING');
    return true;
  }
  async complete(office: string, date: string, sent: { watermark: string }) {
    this.days.set(`${office}|${date}`, 'SENT');
    this.watermarks.set(office, sent.watermark);
  }
  async release(office: string, date: string) {
    this.days.delete(`${office}|${date}`);
  }
  async lastWatermark(office: string) {
    return this.watermarks.get(office);
  }
}

export class InMemoryClientKeys implements ClientKeys {
  readonly keys = new Map<string, { name: string }>();
  async issue(hash: string, c: { name: string }) {
    if (this.keys.has(hash)) return false;
    this.keys.set(hash, { name: c.name });
    return true;
  }
  readonly revoked = new Set<string>();
  async find(hash: string) {
    return this.revoked.has(hash) ? undefined : this.keys.get(hash);
  }
  async revoke(hash: string) {
    if (!this.keys.has(hash)) return false;
    this.revoked.add(hash);
    return true;
  }
}

/** The days' chain heads (kept by the in-memory store) and their digests. */
export class InMemoryChainHeads implements ChainHeadLedger {
  readonly digests = new Map<string, ChainHeadsDigest>();
  constructor(private readonly store: { headsByDay: Map<string, Map<string, string>> }) {}
  async headsOf(day: string) {
    return [...(this.store.headsByDay.get(day) ?? new Map<string, string>())].map(([trackingId, head]) => ({ trackingId, head }));
  }
  async digest(day: string) {
    return this.digests.get(day);
  }
  async latest() {
    return [...this.digests.values()].sort((a, b) => a.day.localeCompare(b.day)).at(-1);
  }
  async record(digest: ChainHeadsDigest) {
    if (this.digests.has(digest.day)) return false;
    this.digests.set(digest.day, digest);
    return true;
  }
}

/** The SIPP catalogue in memory, with the DynamoDB adapter's all-or-nothing and version checks. */
export class InMemoryServiceCatalogue implements ServiceCatalogue {
  readonly entries = new Map<string, CatalogueEntry>();
  async get(id: string) {
    const e = this.entries.get(id);
    return e ? structuredClone(e) : undefined;
  }
  async create(entries: { service: PublicService; standard: ServiceStandard }[]) {
    const taken = entries.filter((e) => this.entries.has(e.service.id)).map((e) => e.service.id);
    if (taken.length) return { ok: false as const, taken };
    for (const e of entries) this.entries.set(e.service.id, { service: structuredClone(e.service), versions: [structuredClone(e.standard)] });
    return { ok: true as const };
  }
  async publish(id: string, standard: ServiceStandard, expected: number, at: string) {
    const e = this.entries.get(id);
    if (!e || e.service.currentVersion !== expected || e.service.status !== 'ACTIVE') return false;
    e.versions.push(structuredClone(standard));
    e.service = { ...e.service, currentVersion: standard.version, updatedAt: at };
    return true;
  }
  async retire(id: string, at: string) {
    const e = this.entries.get(id);
    if (e?.service.status !== 'ACTIVE') return false;
    e.service = { ...e.service, status: 'RETIRED', updatedAt: at };
    return true;
  }
  async search(filter: ServiceFilter, opts: { limit: number; after?: PagePosition }): Promise<Page<PublicService>> {
    const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const all = [...this.entries.values()].map((e) => e.service).sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
    const start = offsetOf(opts.after);
    const examined = all.slice(start, start + opts.limit);
    const items = examined.filter(
      (s) => (!filter.agencyId || s.agencyId === filter.agencyId) && words.every((w) => `${s.name} ${s.unit ?? ''}`.toLowerCase().includes(w)),
    );
    return { items, ...(start + opts.limit < all.length ? { next: positionAt(start + opts.limit) } : {}) };
  }
}

export class InMemoryAgencyDirectory implements AgencyDirectory {
  readonly contacts = new Map<string, AgencyContact>();
  readonly audit: DirectoryChange[] = [];
  async contact(agencyId: string) {
    return this.contacts.get(agencyId);
  }
  async save(changes: { contact: AgencyContact; expectedVersion: number; audit: DirectoryChange }[]) {
    if (changes.some((c) => (this.contacts.get(c.contact.agencyId)?.version ?? 0) !== c.expectedVersion)) return false;
    for (const c of changes) {
      this.contacts.set(c.contact.agencyId, structuredClone(c.contact));
      this.audit.unshift(c.audit);
    }
    return true;
  }
  async history(agencyId: string, limit: number) {
    return this.audit.filter((a) => a.agencyId === agencyId).slice(0, limit);
  }
}

/** The attachment bucket in memory: versioned writes, reads bounded by size, erasure of every version. */
export class InMemoryAttachmentStorage implements AttachmentStorage {
  readonly objects = new Map<string, Uint8Array>();
  uploadRequest = async () => ({ method: 'PUT' as const, url: 'memory://', headers: {}, expiresAt: '' });
  read = async (key: string, max: number) => {
    const b = this.objects.get(key);
    return b === undefined ? undefined : b.length > max ? ('TOO_LARGE' as const) : b;
  };
  /** Each write is a new version (as in the versioned bucket): its number is its id. */
  readonly versions = new Map<string, Uint8Array[]>();
  write = async (key: string, bytes: Uint8Array) => {
    this.objects.set(key, bytes);
    const all = [...(this.versions.get(key) ?? []), bytes];
    this.versions.set(key, all);
    return { versionId: `v${all.length}` };
  };
  remove = async (key: string) => void this.objects.delete(key);
  erase = async (key: string) => {
    this.objects.delete(key);
    this.versions.delete(key);
  };
  downloadUrl = async (key: string) => `memory://${key}`;
}

/** The user pool's accounts in memory, with the pool's rules: a username once, a temporary password until changed. */
export class InMemoryStaffAccounts implements StaffAccounts {
  readonly accounts = new Map<string, StaffAccount & { password: string; enabled: boolean }>();
  constructor(private readonly now: () => Date = () => new Date()) {}

  async get(username: string) {
    const a = this.accounts.get(username);
    if (!a) return undefined;
    const { password: _p, enabled, ...account } = a;
    return { ...account, status: enabled ? account.status : ('DISABLED' as const) };
  }

  async list(opts: { group?: StaffGroup; limit: number; after?: PagePosition }) {
    const all = [...this.accounts.keys()].filter((u) => !opts.group || this.accounts.get(u)?.group === opts.group);
    const from = offsetOf(opts.after);
    const items = await Promise.all(all.slice(from, from + opts.limit).map((u) => this.get(u) as Promise<StaffAccount>));
    return { items, ...(from + opts.limit < all.length ? { next: positionAt(from + opts.limit) } : {}) };
  }

  async create(invitation: Invitation, temporaryPassword: string) {
    if (this.accounts.has(invitation.username)) return false;
    this.accounts.set(invitation.username, {
      ...invitation,
      status: 'INVITED',
      mfa: false,
      createdAt: this.now().toISOString(),
      password: temporaryPassword,
      enabled: true,
    });
    return true;
  }

  async setLanguage(username: string, language: Language) {
    const a = this.accounts.get(username);
    if (a) a.language = language;
  }

  async setEnabled(username: string, enabled: boolean) {
    const a = this.accounts.get(username);
    if (a) a.enabled = enabled;
  }

  async setTemporaryPassword(username: string, temporaryPassword: string) {
    const a = this.accounts.get(username);
    if (a) Object.assign(a, { password: temporaryPassword, status: 'INVITED' });
  }

  async place(username: string, _from: Placement, to: Placement) {
    const a = this.accounts.get(username);
    if (!a) return;
    const { agencyId: _a, provinceCode: _p, ...rest } = a;
    this.accounts.set(username, { ...rest, ...to });
  }
}

/** A staff account's audit trail and the agencies' rosters in memory. */
export class InMemoryStaffRecords implements StaffRecords {
  readonly changes: StaffChange[] = [];
  readonly rosters = new Map<string, Map<string, RosterEntry>>();
  async record(change: StaffChange) {
    this.changes.unshift(structuredClone(change));
  }
  async of(username: string, limit: number) {
    return this.changes.filter((c) => c.username === username).slice(0, limit);
  }
  async enrol(agencyId: string, entry: RosterEntry) {
    const roster = this.rosters.get(agencyId) ?? new Map<string, RosterEntry>();
    roster.set(entry.username, { ...entry });
    this.rosters.set(agencyId, roster);
  }
  async leave(agencyId: string, username: string) {
    this.rosters.get(agencyId)?.delete(username);
  }
  async roster(agencyId: string) {
    return [...(this.rosters.get(agencyId)?.values() ?? [])].map((e) => ({ ...e }));
  }
  readonly signIns = new Map<string, string>();
  async noteSignIn(username: string, at: string) {
    this.signIns.set(username, at);
  }
  async lastSignIns(usernames: string[]) {
    return new Map(usernames.flatMap((u) => (this.signIns.has(u) ? [[u, this.signIns.get(u) as string] as const] : [])));
  }
}

/** The agencies' readiness facts in memory: each note sets its facts, the others stay. */
export class InMemoryAgencyReadiness implements AgencyReadiness {
  readonly facts = new Map<string, ReadinessFacts>();
  async note(agencyId: string, facts: ReadinessFacts) {
    const defined = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
    this.facts.set(agencyId, { ...this.facts.get(agencyId), ...defined });
  }
  async of(agencyId: string) {
    const f = this.facts.get(agencyId);
    return f ? { ...f } : undefined;
  }
  async all() {
    return new Map([...this.facts].map(([k, v]) => [k, { ...v }]));
  }
}
