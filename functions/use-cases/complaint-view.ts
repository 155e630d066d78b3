/**
 * A complaint as one actor sees it: the reporter everything, staff what their role allows (the
 * identity only on a deliberate, audited request), anyone else the public view — with one page of
 * the timeline as that audience sees it. Reads and actions answer with it.
 */
import type { ComplaintViewOutput } from '../contract/outputs/complaint';
import { type Actor, mayReadIdentity } from '../core/access';
import type { TimelineEvent } from '../core/complaint';
import { validationError } from '../core/errors';
import { systemSentence } from '../core/languages';
import { allowedActions } from '../core/lifecycle';
import type { Complaints, StoredComplaint, Supports, Timelines } from '../core/ports';
import { publicView, reporterView, staffView } from '../core/views';
import { complaintNotFound, timelineActorOf } from './actors';
import type { Deps } from './deps';

export type ReadDeps = Pick<Deps, 'calendar' | 'clock' | 'policyFor' | 'cursors'> & { store: Complaints & Timelines & Supports };

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

export async function viewFor(deps: ReadDeps, stored: StoredComplaint, actor: Actor | undefined, opts: ReadOptions = {}): Promise<ComplaintViewOutput> {
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
    return {
      ...reporterView(c, reporter, events, calendar, now, allowedActions(c, actor, ctx)),
      support: await supportRead,
      timelineOlderCursor: olderCursor,
    } satisfies ComplaintViewOutput;
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
        ...systemSentence('identityRead', { username: actor.principal.username }),
        visibility: 'INTERNAL',
      };
      await deps.store.appendEvent(c.trackingId, read);
    }
    return {
      ...staffView(c, reporter, events, calendar, now, allowedActions(c, actor, ctx), mayReveal),
      support: await supportRead,
      timelineOlderCursor: olderCursor,
    } satisfies ComplaintViewOutput;
  }
  // A confidential complaint does not exist for anyone without its token.
  if (c.confidential) {
    supportRead.catch(() => undefined);
    throw complaintNotFound();
  }
  const { events, olderCursor } = await timelinePage(deps, c.trackingId, 'PUBLIC', page);
  return { ...publicView(c, events, calendar, now), support: await supportRead, timelineOlderCursor: olderCursor } satisfies ComplaintViewOutput;
}
