import type { PublicFeedOutput } from '../contract/outputs/public-feed';
import type { ComplaintStatus } from '../core/complaint';
import { previousMonth } from '../core/monitoring';
import type { ComplaintQueries, FeedFilter, PagePosition } from '../core/ports';
import { feedItemView } from '../core/views';
import type { Deps } from './deps';
import { openCursor } from './page-cursors';

/** How far back the feed goes (months before the current one). */
const FEED_MONTHS = 36;
/**
 * Bounded work per page however sparse the filter: at most this many index entries examined, in
 * at most MAX_READS queries that found entries. A month with none costs one small read and does
 * not count, so a page walks past empty months to the next complaint or to the feed's end, up to
 * MAX_QUERIES in all — instead of answering empty pages that only say "look further".
 */
const MAX_EXAMINED_PER_PAGE = 200;
const MAX_READS_PER_PAGE = 13;
const MAX_QUERIES_PER_PAGE = MAX_READS_PER_PAGE + FEED_MONTHS + 1;

/** Where the feed resumes: a month, and the store's position in it (opaque). */
type FeedPosition = { month: string; key?: PagePosition };

function oldestMonth(now: Date): string {
  let month = now.toISOString().slice(0, 7);
  for (let i = 0; i < FEED_MONTHS; i++) month = previousMonth(month);
  return month;
}

function isPosition(v: unknown): v is FeedPosition {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const p = v as Record<string, unknown>;
  return typeof p.month === 'string' && /^\d{4}-\d{2}$/.test(p.month) && (p.key === undefined || (typeof p.key === 'string' && p.key !== ''));
}

/**
 * The public feed: complaints listed publicly (never a confidential one, never an identity),
 * newest first, narrowed by region, category and status. Paged with a sealed cursor bound to
 * its filter; each page is at most a few index reads.
 */
export async function listPublicComplaints(
  deps: Pick<Deps, 'clock' | 'cursors'> & { store: ComplaintQueries },
  q: { regionCode?: string | undefined; categoryId?: string | undefined; status?: ComplaintStatus | undefined; limit: number; cursor?: string | undefined },
) {
  const filter: FeedFilter = {
    ...(q.regionCode ? { regionCode: q.regionCode } : {}),
    ...(q.categoryId ? { categoryId: q.categoryId } : {}),
    ...(q.status ? { status: q.status } : {}),
  };
  const scope = `feed|${filter.regionCode ?? ''}|${filter.categoryId ?? ''}|${filter.status ?? ''}`;
  const now = deps.clock.now();
  const oldest = oldestMonth(now);
  let position: FeedPosition | undefined = { month: now.toISOString().slice(0, 7) };
  if (q.cursor) position = openCursor(deps.cursors, scope, q.cursor, isPosition);
  const items: ReturnType<typeof feedItemView>[] = [];
  let budget = MAX_EXAMINED_PER_PAGE;
  let reads = 0;
  for (let queries = 0; position && reads < MAX_READS_PER_PAGE && queries < MAX_QUERIES_PER_PAGE && items.length < q.limit && budget > 0; queries++) {
    // Never examine more than the page still needs: a page holds at most `limit` items, and the
    // cursor resumes right after the last one examined.
    const limit = Math.min(budget, q.limit - items.length);
    const page = await deps.store.publicFeed(position.month, {
      limit,
      filter,
      ...(position.key ? { after: position.key } : {}),
    });
    items.push(...page.items.map(feedItemView));
    if (page.items.length || page.next) {
      reads++;
      budget -= limit;
    }
    if (page.next) position = { month: position.month, key: page.next };
    else position = position.month > oldest ? { month: previousMonth(position.month) } : undefined;
  }
  return { items, nextCursor: position ? deps.cursors.seal(scope, position) : null } satisfies PublicFeedOutput;
}
