import { timingSafeEqual } from 'node:crypto';
import { type Caller, relationOf } from '../core/access';
import type { ActionInput } from '../core/actions';
import { findAgency } from '../core/agencies';
import { actingAgencyOf } from '../core/agency-contacts';
import type { Complaint } from '../core/complaint';
import { DomainError, refusal } from '../core/errors';
import { systemSentence } from '../core/languages';
import { perform, TRANSITIONS } from '../core/lifecycle';
import type { Complaints, Outbox, Supports, Timelines } from '../core/ports';
import { parseTrackingId } from '../core/tracking-id';
import { parseTracking, readForActor } from './actors';
import { commitChange } from './commit-change';
import { viewFor } from './complaint-view';
import type { Deps } from './deps';

/** What acting on a complaint reads and writes (and answers with the actor's view). */
type ActDeps = Pick<Deps, 'queue' | 'clock' | 'logger' | 'calendar' | 'contacts' | 'directory' | 'policyFor' | 'cursors'> & {
  store: Complaints & Timelines & Outbox & Supports;
};

/** The code from the confirmation mail must be the one made for this complaint and this address. */
async function checkConfirmationCode(deps: ActDeps, c: Complaint, code: string) {
  const email = c.hasReporterIdentity ? (await deps.store.getReporter(c.trackingId))?.email : undefined;
  const expected = email ? deps.contacts.emailConfirmationCode(c.trackingId, email) : undefined;
  const given = code.trim().toUpperCase().replace(/-/g, '');
  if (!expected || given.length !== 10 || !timingSafeEqual(Buffer.from(given), Buffer.from(expected.replace(/-/g, '')))) {
    throw refusal('UNPROCESSABLE', 'codeMismatch', undefined, [{ field: 'code', message: 'kode dari email konfirmasi' }]);
  }
}

const mergeInvalid = (message: string) => new DomainError('UNPROCESSABLE', message, [{ field: 'duplicateOf', message }]);

/** The complaint a duplicate is merged into: one that exists, is another, and is not archived itself. */
async function mergeTarget(deps: ActDeps, c: Complaint, duplicateOf: string | undefined): Promise<string | undefined> {
  if (!duplicateOf) return undefined; // the state machine names the missing field
  const parsed = parseTrackingId(duplicateOf);
  if (!parsed.ok) throw mergeInvalid(parsed.reason);
  if (parsed.trackingId === c.trackingId) throw mergeInvalid('laporan tidak dapat digabungkan ke dirinya sendiri');
  const target = await deps.store.get(parsed.trackingId);
  if (!target) throw mergeInvalid('laporan tujuan tidak ditemukan');
  if (target.complaint.status === 'ARCHIVED') throw mergeInvalid('laporan tujuan sudah diarsipkan; gabungkan ke laporan yang masih berjalan');
  return parsed.trackingId;
}

/** A disposition goes to an agency that is active in the directory; an inactive one names who acts for it. */
async function assertActive(deps: ActDeps, agencyId: string) {
  const acting = await actingAgencyOf(agencyId, (id) => deps.directory.contact(id));
  if (acting.agencyId === agencyId) return;
  const message = `instansi ini tidak aktif; tugasnya dijalankan ${findAgency(acting.agencyId)?.name ?? acting.agencyId} (${acting.agencyId})`;
  throw new DomainError('UNPROCESSABLE', 'Instansi tujuan tidak aktif.', [{ field: 'agencyId', message }]);
}

/** The surviving complaint's record of the merge (the count went in the archive's own write). */
async function recordMerge(deps: ActDeps, survivor: string, duplicate: Complaint, at: string) {
  await deps.store.appendEvent(survivor, {
    at,
    type: 'DUPLICATE_MERGED',
    actor: { kind: 'SYSTEM' },
    ...systemSentence('duplicateMerged'),
    // No number of the merged report: only a count is public (core/support.ts).
    visibility: 'PUBLIC',
  });
  deps.logger.info('duplicate merged', { survivor, duplicate: duplicate.trackingId });
}

/**
 * One command on a complaint. Optimistic locking: the write succeeds only against the version
 * read; on a race the action is re-applied to the fresh state (and refused with 409 if the
 * state no longer allows it), so no update is ever lost.
 */
export async function actOnComplaint(deps: ActDeps, trackingIdInput: string, caller: Caller, input: ActionInput) {
  const trackingId = parseTracking(trackingIdInput);
  const calendar = await deps.calendar.current();
  for (let attempt = 0; attempt < 5; attempt++) {
    const { stored, actor } = await readForActor(deps.store, trackingId, caller);
    // The state machine refuses a confirmation with nothing to confirm (409); a wrong code is a 422.
    if (input.action === 'CONFIRM_EMAIL' && actor.kind === 'REPORTER' && stored.complaint.reporterEmail?.confirmed === false) {
      await checkConfirmationCode(deps, stored.complaint, input.code);
    }
    if (input.action === 'VERIFY') await assertActive(deps, input.agencyId);
    const merging = input.action === 'ARCHIVE' && input.reason === 'DUPLICATE';
    // Who may merge is settled before the target is looked up: nobody else learns whether it exists.
    if (merging && !TRANSITIONS.ARCHIVE.who.includes(relationOf(stored.complaint, actor)))
      throw new DomainError('FORBIDDEN', 'Hanya verifikator yang dapat menggabungkan laporan duplikat.');
    const survivor = merging ? await mergeTarget(deps, stored.complaint, input.duplicateOf) : undefined;
    const change = perform(stored.complaint, actor, survivor && input.action === 'ARCHIVE' ? { ...input, duplicateOf: survivor } : input, {
      now: deps.clock.now(),
      calendar,
      policyFor: deps.policyFor,
    });
    if (!(await commitChange(deps, stored.complaint, change, calendar))) continue;
    if (survivor) await recordMerge(deps, survivor, stored.complaint, change.complaint.updatedAt);
    // The write succeeded against the version read, so what was written is the current state.
    return viewFor(deps, { ...stored, complaint: change.complaint }, actor);
  }
  throw refusal('CONFLICT', 'complaintBusy');
}
