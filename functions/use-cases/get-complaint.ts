import type { Caller } from '../core/access';
import { actorFor, complaintNotFound, parseTracking } from './actors';
import { type ReadDeps, type ReadOptions, viewFor } from './complaint-view';

/** The reporter (with the access token) sees everything; staff see what their role allows; others the public view or 404. */
export async function getComplaint(deps: ReadDeps, trackingIdInput: string, caller: Caller, opts: ReadOptions = {}) {
  const stored = await deps.store.get(parseTracking(trackingIdInput));
  if (!stored) throw complaintNotFound();
  return viewFor(deps, stored, actorFor(stored, caller), opts);
}
