import { timingSafeEqual } from 'node:crypto';
import { type Actor, type Caller, canRead, mayReadIdentity } from '../core/access';
import type { TimelineEvent } from '../core/complaint';
import { DomainError, notFound, validationError } from '../core/errors';
import { allowedActions } from '../core/lifecycle';
import type { StoredComplaint } from '../core/ports';
import { parseTrackingId } from '../core/tracking-id';
import { publicView, reporterView, staffView } from '../core/views';
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

/**
 * Reads a complaint for a caller who must be able to act on it: 404 when it does not exist (or
 * is confidential and the caller is nobody to it), 401 when the caller brought no valid token.
 */
export async function readForActor(store: Deps['store'], trackingId: string, caller: Caller): Promise<{ stored: StoredComplaint; actor: Actor }> {
  const stored = await store.get(trackingId);
  if (!stored) throw notFound(NOT_FOUND);
  const actor = actorFor(stored, caller);
  if (!actor) {
    if (stored.complaint.confidential) throw notFound(NOT_FOUND);
    throw unauthorizedAction();
  }
  return { stored, actor };
}

/** How an actor is named on the timeline. */
export const timelineActorOf = (actor: Actor): TimelineEvent['actor'] =>
  actor.kind === 'STAFF'
    ? { kind: 'STAFF', id: actor.principal.username, ...(actor.principal.agencyId ? { agencyId: actor.principal.agencyId } : {}) }
    : { kind: actor.kind };

type ReadDeps = Pick<Deps, 'store' | 'calendar' | 'clock' | 'policyFor' | 'cursors'>;

/** A timeline page request: the newest entries first, older ones through the cursor. */
export interface TimelinePage {
  limit?: number;
  cursor?: string;
}

const DEFAULT_TIMELINE_PAGE = 100;

/** Which entries an audience sees: staff all, the reporter PUBLIC and REPORTER ones, anyone else PUBLIC ones. */
const VISIBLE: Record<'STAFF' | 'REPORTER' | 'PUBLIC', (e: TimelineEvent) => boolean> = {
  STAFF: () => true,
  REPORTER: (e) => e.visibility !== 'INTERNAL',
  PUBLIC: (e) => e.visibility === 'PUBLIC',
};
/** Store reads one page of the timeline may take to fill it with entries its audience sees. */
const MAX_READS_PER_PAGE = 5;

/** One page of the timeline as an audience sees it, with the sealed cursor to the older entries. */
async function timelinePage(deps: ReadDeps, trackingId: string, audience: keyof typeof VISIBLE, page: TimelinePage) {
  const scope = `timeline|${trackingId}|${audience}`;
  const limit = page.limit ?? DEFAULT_TIMELINE_PAGE;
  let before: string | undefined;
  if (page.cursor) {
    const opened = deps.cursors.open(scope, page.cursor);
    if (typeof opened !== 'string') throw validationError([{ field: 'timelineCursor', message: 'kursor tidak valid' }], 'Kursor tidak valid');
    before = opened;
  }
  const entries: { position: string; event: TimelineEvent }[] = [];
  let more = true;
  for (let reads = 0; reads < MAX_READS_PER_PAGE && more && entries.length < limit; reads++) {
    const r = await deps.store.timelinePage(trackingId, { limit, ...(before ? { before } : {}) });
    entries.unshift(...r.entries.filter((e) => VISIBLE[audience](e.event)));
    more = r.entries.length > 0 && r.hasOlder;
    before = r.entries[0]?.position ?? before;
  }
  // The newest `limit` entries; the cursor continues before the oldest one shown.
  const shown = entries.slice(-limit);
  const oldestShown = entries.length > limit ? shown[0]?.position : more ? before : undefined;
  return { events: shown.map((e) => e.event), olderCursor: oldestShown ? deps.cursors.seal(scope, oldestShown) : null };
}

/** What a read asks for beyond the view itself. */
export interface ReadOptions {
  page?: TimelinePage;
  /**
   * Staff: show the reporter's identity, when their role allows it. Never implied by opening a
   * case: each disclosure is one deliberate request, and each is on the audit trail.
   */
  revealIdentity?: boolean;
}

export async function viewFor(deps: ReadDeps, stored: StoredComplaint, actor: Actor | undefined, opts: ReadOptions = {}) {
  const page = opts.page ?? {};
  const c = stored.complaint;
  const now = deps.clock.now();
  const calendar = await deps.calendar.current();
  const ctx = { now, calendar: calendar, policyFor: deps.policyFor };
  // Everyone who sees the complaint sees how many share the problem (a count, never who).
  const supportRead = deps.store.supportOf(c.trackingId);
  if (actor?.kind === 'REPORTER') {
    const [reporter, { events, olderCursor }] = await Promise.all([
      c.hasReporterIdentity ? deps.store.getReporter(c.trackingId) : Promise.resolve(undefined),
      timelinePage(deps, c.trackingId, 'REPORTER', page),
    ]);
    return { ...reporterView(c, reporter, events, calendar, now, allowedActions(c, actor, ctx)), support: await supportRead, timelineOlderCursor: olderCursor };
  }
  if (actor?.kind === 'STAFF') {
    const mayReveal = !c.anonymous && !!c.hasReporterIdentity && mayReadIdentity(c, actor);
    const showIdentity = mayReveal && opts.revealIdentity === true;
    const [reporter, { events, olderCursor }] = await Promise.all([
      showIdentity ? deps.store.getReporter(c.trackingId) : Promise.resolve(undefined),
      timelinePage(deps, c.trackingId, 'STAFF', page),
    ]);
    if (showIdentity) {
      // Every staff read of an identity is on the record.
      const read: TimelineEvent = {
        at: now.toISOString(),
        type: 'IDENTITY_READ',
        actor: timelineActorOf(actor),
        message: `Identitas pelapor dibaca oleh ${actor.principal.username}.`,
        visibility: 'INTERNAL',
      };
      await deps.store.appendEvent(c.trackingId, read);
    }
    return {
      ...staffView(c, reporter, events, calendar, now, allowedActions(c, actor, ctx), mayReveal),
      support: await supportRead,
      timelineOlderCursor: olderCursor,
    };
  }
  // A confidential complaint does not exist for anyone without its token.
  if (c.confidential) {
    supportRead.catch(() => undefined);
    throw notFound(NOT_FOUND);
  }
  const { events, olderCursor } = await timelinePage(deps, c.trackingId, 'PUBLIC', page);
  return { ...publicView(c, events, calendar, now), support: await supportRead, timelineOlderCursor: olderCursor };
}

/** The reporter (with the access token) sees everything; staff see what their role allows; others the public view or 404. */
export async function getComplaint(deps: ReadDeps, trackingIdInput: string, caller: Caller, opts: ReadOptions = {}) {
  const stored = await deps.store.get(parseTracking(trackingIdInput));
  if (!stored) throw notFound(NOT_FOUND);
  return viewFor(deps, stored, actorFor(stored, caller), opts);
}

export const unauthorizedAction = () => new DomainError('UNAUTHORIZED', 'Sertakan token akses pelapor atau token petugas (Authorization: Bearer …).');
