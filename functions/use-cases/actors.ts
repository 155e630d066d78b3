/**
 * Who is acting on a complaint: a tracking number parsed, a caller (a staff token, a reporter's
 * access token, or nobody) resolved into an actor on that complaint, and how an actor is named on
 * the timeline. Every use case that reads or changes one complaint starts here.
 */
import { timingSafeEqual } from 'node:crypto';
import { type Actor, type Caller, canRead } from '../core/access';
import type { TimelineEvent } from '../core/complaint';
import { refusal, validationError } from '../core/errors';
import type { Complaints, StoredComplaint } from '../core/ports';
import { parseTrackingId } from '../core/tracking-id';
import { sha256 } from './hashing';

/** The one answer for a complaint that does not exist or that the caller may not know exists. */
export const complaintNotFound = () => refusal('NOT_FOUND', 'complaintNotFound');

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function parseTracking(input: string): string {
  const parsed = parseTrackingId(input);
  if (!parsed.ok) throw validationError([{ field: 'trackingId', message: parsed.reason }], 'Nomor pelacakan tidak valid');
  return parsed.trackingId;
}

/**
 * Resolves the caller into an actor on this complaint. A staff member who may not see it, or a
 * wrong token on a confidential one, gets 404: existence itself must not leak.
 */
export function actorFor(stored: StoredComplaint, caller: Caller): Actor | undefined {
  if (caller.kind === 'STAFF') {
    const actor: Actor = { kind: 'STAFF', principal: caller.principal };
    if (!canRead(stored.complaint, actor)) throw complaintNotFound();
    return actor;
  }
  if (caller.kind === 'TOKEN') {
    const hash = sha256(caller.token);
    if (stored.accessTokenHashes.some((h) => sameHash(h, hash))) return { kind: 'REPORTER' };
  }
  return undefined;
}

/**
 * Reads a complaint for a caller who must be able to act on it: 404 when it does not exist (or
 * is confidential and the caller is nobody to it), 401 when the caller brought no valid token.
 */
export async function readForActor(store: Pick<Complaints, 'get'>, trackingId: string, caller: Caller): Promise<{ stored: StoredComplaint; actor: Actor }> {
  const stored = await store.get(trackingId);
  if (!stored) throw complaintNotFound();
  const actor = actorFor(stored, caller);
  if (!actor) {
    if (stored.complaint.confidential) throw complaintNotFound();
    throw unauthorizedAction();
  }
  return { stored, actor };
}

/** How an actor is named on the timeline. */
export const timelineActorOf = (actor: Actor): TimelineEvent['actor'] =>
  actor.kind === 'STAFF'
    ? { kind: 'STAFF', id: actor.principal.username, ...(actor.principal.agencyId ? { agencyId: actor.principal.agencyId } : {}) }
    : { kind: actor.kind };

export const unauthorizedAction = () => refusal('UNAUTHORIZED', 'tokenNeeded');
