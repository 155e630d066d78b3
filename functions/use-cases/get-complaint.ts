import { timingSafeEqual } from 'node:crypto';
import type { TimelineEvent } from '../core/complaint';
import { DomainError, notFound, validationError } from '../core/errors';
import { type Actor, allowedActions, canRead, mayReadIdentity } from '../core/lifecycle';
import type { StoredComplaint } from '../core/ports';
import { parseTrackingId } from '../core/tracking-id';
import { publicView, reporterView, staffView } from '../core/views';
import type { Caller } from '../shared/auth';
import type { Deps } from './deps';
import { sha256 } from './submit-complaint';

const NOT_FOUND = 'Laporan tidak ditemukan. Periksa nomor pelacakan Anda.';

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
    if (!canRead(stored.complaint, actor)) throw notFound(NOT_FOUND);
    return actor;
  }
  if (caller.kind === 'TOKEN') {
    const hash = sha256(caller.token);
    if (stored.accessTokenHashes.some((h) => sameHash(h, hash))) return { kind: 'REPORTER' };
  }
  return undefined;
}

type ReadDeps = Pick<Deps, 'store' | 'calendar' | 'clock' | 'policyFor' | 'cursors'>;

/** A timeline page request: the newest entries first, older ones through the cursor. */
export interface TimelinePage {
  limit?: number;
  cursor?: string;
}

const DEFAULT_TIMELINE_PAGE = 100;

/** One page of the timeline, with the sealed cursor to the older entries. */
async function timelinePage(deps: ReadDeps, trackingId: string, page: TimelinePage) {
  const scope = `timeline|${trackingId}`;
  let before: string | undefined;
  if (page.cursor) {
    const opened = deps.cursors.open(scope, page.cursor);
    if (typeof opened !== 'string') throw validationError([{ field: 'timelineCursor', message: 'kursor tidak valid' }], 'Kursor tidak valid');
    before = opened;
  }
  const r = await deps.store.timelinePage(trackingId, { limit: page.limit ?? DEFAULT_TIMELINE_PAGE, ...(before ? { before } : {}) });
  return { events: r.events, olderCursor: r.olderBefore ? deps.cursors.seal(scope, r.olderBefore) : null };
}

export async function viewFor(deps: ReadDeps, stored: StoredComplaint, actor: Actor | undefined, page: TimelinePage = {}) {
  const c = stored.complaint;
  const now = deps.clock.now();
  const ctx = { now, calendar: deps.calendar, policyFor: deps.policyFor };
  if (actor?.kind === 'REPORTER') {
    const [reporter, { events, olderCursor }] = await Promise.all([
      c.hasReporterIdentity ? deps.store.getReporter(c.trackingId) : Promise.resolve(undefined),
      timelinePage(deps, c.trackingId, page),
    ]);
    return { ...reporterView(c, reporter, events, deps.calendar, now, allowedActions(c, actor, ctx)), timelineOlderCursor: olderCursor };
  }
  if (actor?.kind === 'STAFF') {
    const showIdentity = !c.anonymous && c.hasReporterIdentity && mayReadIdentity(c, actor);
    const [reporter, { events, olderCursor }] = await Promise.all([
      showIdentity ? deps.store.getReporter(c.trackingId) : Promise.resolve(undefined),
      timelinePage(deps, c.trackingId, page),
    ]);
    if (showIdentity) {
      // Every staff read of an identity is on the record.
      const read: TimelineEvent = {
        at: now.toISOString(),
        type: 'IDENTITY_READ',
        actor: { kind: 'STAFF', id: actor.principal.username, ...(actor.principal.agencyId ? { agencyId: actor.principal.agencyId } : {}) },
        message: `Identitas pelapor dibaca oleh ${actor.principal.username}.`,
        visibility: 'INTERNAL',
      };
      await deps.store.appendEvent(c.trackingId, read);
    }
    return { ...staffView(c, reporter, events, deps.calendar, now, allowedActions(c, actor, ctx)), timelineOlderCursor: olderCursor };
  }
  // A confidential complaint does not exist for anyone without its token.
  if (c.confidential) throw notFound(NOT_FOUND);
  const { events, olderCursor } = await timelinePage(deps, c.trackingId, page);
  return { ...publicView(c, events, deps.calendar, now), timelineOlderCursor: olderCursor };
}

/** The reporter (with the access token) sees everything; staff see what their role allows; others the public view or 404. */
export async function getComplaint(deps: ReadDeps, trackingIdInput: string, caller: Caller, page: TimelinePage = {}) {
  const stored = await deps.store.get(parseTracking(trackingIdInput));
  if (!stored) throw notFound(NOT_FOUND);
  return viewFor(deps, stored, actorFor(stored, caller), page);
}

export const unauthorizedAction = () => new DomainError('UNAUTHORIZED', 'Sertakan token akses pelapor atau token petugas (Authorization: Bearer …).');
