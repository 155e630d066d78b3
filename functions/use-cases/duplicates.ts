/**
 * Duplicate suggestions for the verifier: open complaints of the same place and category from the
 * last weeks, ranked by core/duplicates.ts. Merging is the verifier's ARCHIVE with reason
 * DUPLICATE (act-on-complaint.ts), which links the two and counts the merged report.
 */

import type { DuplicatesOutput } from '../contract/outputs/support';
import { type Caller, relationOf } from '../core/access';
import { DUPLICATE_SEARCH, rankDuplicates } from '../core/duplicates';
import { DomainError } from '../core/errors';
import type { ComplaintQueries, Complaints } from '../core/ports';
import { actorFor, complaintNotFound, parseTracking } from './actors';
import type { Deps } from './deps';

export async function suggestDuplicates(deps: Pick<Deps, 'clock'> & { store: Complaints & ComplaintQueries }, trackingIdInput: string, caller: Caller) {
  const stored = await deps.store.get(parseTracking(trackingIdInput));
  if (!stored) throw complaintNotFound();
  const actor = actorFor(stored, caller);
  if (actor?.kind !== 'STAFF' || relationOf(stored.complaint, actor) !== 'VERIFIER') {
    throw new DomainError('FORBIDDEN', 'Saran duplikat hanya untuk verifikator.');
  }
  const c = stored.complaint;
  const since = new Date(Date.parse(c.submittedAt) - DUPLICATE_SEARCH.windowDays * 86_400_000).toISOString();
  const candidates = await deps.store.openNearby(c.location.regionCode, c.categoryId, since, DUPLICATE_SEARCH.examine);
  return { trackingId: c.trackingId, items: rankDuplicates(c, candidates) } satisfies DuplicatesOutput;
}
