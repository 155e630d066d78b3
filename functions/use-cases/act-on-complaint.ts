import { timingSafeEqual } from 'node:crypto';
import type { Caller } from '../core/access';
import type { Complaint } from '../core/complaint';
import { DomainError, notFound } from '../core/errors';
import { type ActionInput, perform } from '../core/lifecycle';
import { commitChange } from './commit-change';
import type { Deps } from './deps';
import { actorFor, parseTracking, unauthorizedAction, viewFor } from './get-complaint';

/** The code from the confirmation mail must be the one made for this complaint and this address. */
async function checkConfirmationCode(deps: Deps, c: Complaint, code: string) {
  const email = c.hasReporterIdentity ? (await deps.store.getReporter(c.trackingId))?.email : undefined;
  const expected = email ? deps.contacts.emailConfirmationCode(c.trackingId, email) : undefined;
  const given = code.trim().toUpperCase().replace(/-/g, '');
  if (!expected || given.length !== 10 || !timingSafeEqual(Buffer.from(given), Buffer.from(expected.replace(/-/g, '')))) {
    throw new DomainError('UNPROCESSABLE', 'Kode konfirmasi tidak cocok.', [{ field: 'code', message: 'kode dari email konfirmasi' }]);
  }
}

/**
 * One command on a complaint. Optimistic locking: the write succeeds only against the version
 * read; on a race the action is re-applied to the fresh state (and refused with 409 if the
 * state no longer allows it), so no update is ever lost.
 */
export async function actOnComplaint(deps: Deps, trackingIdInput: string, caller: Caller, input: ActionInput) {
  const trackingId = parseTracking(trackingIdInput);
  const calendar = await deps.calendar.current();
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await deps.store.get(trackingId);
    if (!stored) throw notFound('Laporan tidak ditemukan.');
    const actor = actorFor(stored, caller);
    if (!actor) {
      if (stored.complaint.confidential) throw notFound('Laporan tidak ditemukan.');
      throw unauthorizedAction();
    }
    // The state machine refuses a confirmation with nothing to confirm (409); a wrong code is a 422.
    if (input.action === 'CONFIRM_EMAIL' && actor.kind === 'REPORTER' && stored.complaint.reporterEmail?.confirmed === false) {
      await checkConfirmationCode(deps, stored.complaint, input.code);
    }
    const change = perform(stored.complaint, actor, input, { now: deps.clock.now(), calendar, policyFor: deps.policyFor });
    if (!(await commitChange(deps, stored.complaint, change, calendar))) continue;
    // The write succeeded against the version read, so what was written is the current state.
    return viewFor(deps, { ...stored, complaint: change.complaint }, actor);
  }
  throw new DomainError('CONFLICT', 'Laporan sedang diubah oleh petugas lain. Muat ulang dan coba lagi.');
}
