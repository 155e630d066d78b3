import { useState } from 'preact/hooks';
import type { FeedItem, PublicFeedOutput } from '../../../functions/contract/outputs/public-feed';
import { type ApiError, call } from '../api';
import { categoriesOf, categoryName, Field, Loading, PageTitle, Problem, RegionPicker, StatusBadge, useCategoryName, useLoad } from '../components';
import { t } from '../i18n';
import { formatDateTime, label, STATUS_LABELS, TYPE_LABELS } from '../labels';
import { href } from '../router';

/** What the public feed answers, as the API declares it (types only). */
export type { FeedItem };

type FeedPage = PublicFeedOutput;

export function FeedList({ items }: { items: FeedItem[] }) {
  const categoryOf = useCategoryName();
  if (!items.length) return <p class="muted">{t('feed.empty')}</p>;
  return (
    <ul class="list">
      {items.map((i) => (
        <li key={i.trackingId}>
          <a class="title" href={href('laporan', i.trackingId)}>
            {i.title}
          </a>
          <div>
            <StatusBadge status={i.status} labelText={label(STATUS_LABELS, i.status)} /> <span class="muted">{label(TYPE_LABELS, i.type)}</span>
          </div>
          <div class="muted">
            {categoryOf(i.category)} · {i.assignedAgency?.name ?? i.region.name} · <time dateTime={i.submittedAt}>{formatDateTime(i.submittedAt)}</time>
          </div>
        </li>
      ))}
    </ul>
  );
}

const query = (f: { province: string; regency: string; categoryId: string; status: string }, cursor?: string) => {
  const q = new URLSearchParams();
  const region = f.regency || f.province;
  if (region) q.set('regionCode', region);
  if (f.categoryId) q.set('categoryId', f.categoryId);
  if (f.status) q.set('status', f.status);
  if (cursor) q.set('cursor', cursor);
  return q.toString();
};

/** The public feed: non-confidential complaints, newest first, by region, category and status. */
export function FeedPage() {
  const categories = useLoad(categoriesOf, []);
  const [filter, setFilter] = useState({ province: '', regency: '', categoryId: '', status: '' });
  const [more, setMore] = useState<{ items: FeedItem[]; next: string | null; error?: ApiError }>();
  const first = useLoad(() => call<FeedPage>(`/v1/complaints?${query(filter)}`), [filter.province, filter.regency, filter.categoryId, filter.status]);
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const next = more ? more.next : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!next) return;
    try {
      const page = await call<FeedPage>(`/v1/complaints?${query(filter, next)}`);
      setMore({ items: [...(more?.items ?? []), ...page.items], next: page.nextCursor });
    } catch (error) {
      setMore({ items: more?.items ?? [], next, error: error as ApiError });
    }
  };
  const update = (patch: Partial<typeof filter>) => {
    setMore(undefined);
    setFilter({ ...filter, ...patch });
  };
  return (
    <>
      <PageTitle title={t('feed.title')}>{t('feed.title')}</PageTitle>
      <p>{t('feed.lead')}</p>
      <form class="card" onSubmit={(e) => e.preventDefault()} aria-label={t('feed.filter')}>
        <div class="filters">
          <RegionPicker
            idPrefix="p-region"
            province={filter.province}
            regency={filter.regency}
            optional
            onChange={(province, regency) => update({ province, regency })}
          />
          <Field id="p-category" label={t('feed.category')}>
            {(aria) => (
              <select {...aria} value={filter.categoryId} onChange={(e) => update({ categoryId: (e.target as HTMLSelectElement).value })}>
                <option value="">{t('feed.allCategories')}</option>
                {(categories.data ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {categoryName(c)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="p-status" label={t('feed.status')}>
            {(aria) => (
              <select {...aria} value={filter.status} onChange={(e) => update({ status: (e.target as HTMLSelectElement).value })}>
                <option value="">{t('feed.allStatuses')}</option>
                {['ASSIGNED', 'IN_PROGRESS', 'RESPONDED', 'CLOSED'].map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </form>
      {first.error && <Problem error={first.error} />}
      {first.loading && !first.data ? <Loading what={t('feed.loading')} /> : <FeedList items={items} />}
      {more?.error && <Problem error={more.error} />}
      {!next && !first.loading && items.length > 0 && (
        <p class="muted" role="status">
          {t('feed.end')}
        </p>
      )}
      {next && (
        <button type="button" class="secondary" onClick={loadMore}>
          {t('feed.more')}
        </button>
      )}
    </>
  );
}
