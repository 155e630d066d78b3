import type { ErasureOutput, PersonalDataOutput } from '../contract/outputs/personal-data';
import { DomainError, validationError } from '../core/errors';
import { systemSentence } from '../core/languages';
import type { ComplaintQueries, Complaints, ContactKind, Outbox, Timelines } from '../core/ports';
import { type ErasureReason, eraseExpiredIdentity, eraseIdentity } from '../core/retention';
import type { StaffPrincipal } from '../core/staff';
import { commitChange } from './commit-change';
import type { Deps } from './deps';

/** One person's complaints at most (a lookup beyond this is refused as too broad). */
const MAX_COMPLAINTS_PER_PERSON = 500;

export interface PersonQuery {
  email?: string | undefined;
  phone?: string | undefined;
}

function operatorOnly(who: StaffPrincipal) {
  if (!who.roles.includes('OPERATOR')) throw new DomainError('FORBIDDEN', 'Hanya operator yang dapat mengekspor atau menghapus data pribadi.');
}

async function complaintsOf(deps: Pick<Deps, 'contacts'> & { store: Complaints & Timelines & Outbox & ComplaintQueries }, q: PersonQuery): Promise<string[]> {
  const lookups: [ContactKind, string][] = [];
  if (q.email) lookups.push(['EMAIL', q.email]);
  if (q.phone) lookups.push(['PHONE', q.phone]);
  if (!lookups.length) throw validationError([{ field: 'email', message: 'isi email atau phone pemilik data' }]);
  const ids = new Set<string>();
  for (const [kind, value] of lookups)
    for (const id of await deps.store.complaintsByContact(deps.contacts.hash(kind, value), MAX_COMPLAINTS_PER_PERSON)) ids.add(id);
  return [...ids].sort();
}

/**
 * An operator's export of one person's data (UU PDP: the right of access): every complaint that
 * carries their contact, with the identity, the texts they wrote and the complaint's state.
 * Each export is a disclosure, on the record of each complaint.
 */
export async function exportPersonalData(
  deps: Pick<Deps, 'contacts' | 'clock'> & { store: Complaints & Timelines & Outbox & ComplaintQueries },
  who: StaffPrincipal,
  q: PersonQuery,
) {
  operatorOnly(who);
  const at = deps.clock.now().toISOString();
  const complaints = [];
  for (const trackingId of await complaintsOf(deps, q)) {
    const stored = await deps.store.get(trackingId);
    if (!stored?.complaint.hasReporterIdentity) continue;
    const c = stored.complaint;
    const [identity, timeline] = await Promise.all([deps.store.getReporter(trackingId), deps.store.timeline(trackingId)]);
    await deps.store.appendEvent(trackingId, {
      at,
      type: 'IDENTITY_READ',
      actor: { kind: 'STAFF', id: who.username },
      ...systemSentence('identityExported', { username: who.username }),
      visibility: 'INTERNAL',
    });
    complaints.push({
      trackingId,
      submittedAt: c.submittedAt,
      status: c.status,
      type: c.type,
      title: c.title,
      description: c.description,
      location: c.location,
      anonymous: c.anonymous,
      confidential: c.confidential,
      identity: identity ?? null,
      ...(c.identityEraseAfter ? { identityEraseAfter: c.identityEraseAfter } : {}),
      reporterMessages: timeline.filter((e) => e.actor.kind === 'REPORTER').map((e) => ({ at: e.at, type: e.type, message: e.message })),
      // The files they uploaded (a photo of an ID card is personal data too): erased with the identity.
      attachments: (c.attachments ?? [])
        .filter((a) => a.by.kind === 'REPORTER')
        .map((a) => ({
          id: a.id,
          fileName: a.fileName,
          contentType: a.contentType,
          size: a.size,
          status: a.status,
          requestedAt: a.requestedAt,
          ...(a.sha256 ? { sha256: a.sha256 } : {}),
        })),
      ...(c.rating ? { rating: c.rating } : {}),
    });
  }
  return { exportedAt: at, exportedBy: who.username, complaints } satisfies PersonalDataOutput;
}

/**
 * Erases one person's identity and contact from every complaint that carries it (UU PDP: the
 * right to erasure). The case records and statistics stay; each erasure is on the record.
 */
export async function erasePersonalData(
  deps: Pick<Deps, 'contacts' | 'clock' | 'queue' | 'logger' | 'calendar'> & { store: Complaints & Timelines & Outbox & ComplaintQueries },
  who: StaffPrincipal,
  q: PersonQuery,
) {
  operatorOnly(who);
  const erased: string[] = [];
  for (const trackingId of await complaintsOf(deps, q)) {
    if (await eraseOne(deps, trackingId, 'OPERATOR_REQUEST', { kind: 'STAFF', id: who.username })) erased.push(trackingId);
  }
  return { erased, count: erased.length } satisfies ErasureOutput;
}

/** Erases one complaint's identity with a version-checked write (re-read on a race); false if it had none. */
export async function eraseOne(
  deps: Pick<Deps, 'clock' | 'queue' | 'logger' | 'calendar'> & { store: Complaints & Timelines & Outbox & ComplaintQueries },
  trackingId: string,
  reason: ErasureReason,
  by: Parameters<typeof eraseIdentity>[3],
) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await deps.store.get(trackingId);
    if (!stored?.complaint.hasReporterIdentity) return false;
    const now = deps.clock.now();
    // The retention sweep read an index: the complaint may have been reopened since.
    const change = reason === 'RETENTION_PERIOD' ? eraseExpiredIdentity(stored.complaint, now) : eraseIdentity(stored.complaint, reason, now, by);
    if (!change) return false;
    if (await commitChange(deps, stored.complaint, change, await deps.calendar.current())) return true;
  }
  throw new DomainError('CONFLICT', `Laporan ${trackingId} sedang diubah; ulangi penghapusan.`);
}

/** The retention sweep: erases the identities whose retention period has ended, one failure never stopping the rest. */
export async function eraseExpiredIdentities(
  deps: Pick<Deps, 'clock' | 'queue' | 'logger' | 'calendar'> & { store: Complaints & Timelines & Outbox & ComplaintQueries },
  opts: { limit: number },
) {
  const now = deps.clock.now();
  const result = { due: 0, erased: 0, failed: 0 };
  const due = await deps.store.identitiesDueForErasure(now.toISOString(), opts.limit);
  result.due = due.length;
  for (const c of due) {
    try {
      if (await eraseOne(deps, c.trackingId, 'RETENTION_PERIOD', { kind: 'SYSTEM' })) result.erased++;
    } catch (error) {
      result.failed++;
      deps.logger.error('retention erasure failed; the next run retries it', { trackingId: c.trackingId, error: String(error) });
    }
  }
  return result;
}
