import { useState } from 'preact/hooks';
import type { StatsItem, StatsOutput } from '../../../functions/contract/outputs/stats';
import { call } from '../api';
import { BarChart, Field, Loading, PageTitle, Problem, RegionPicker, reportingMonth, useLoad } from '../components';
import { t } from '../i18n';

const nameOf = (i: StatsItem) => (i.service ? `${i.service.name} (v${i.service.version})` : (i.agency?.name ?? i.region?.name ?? '—'));

/** Whether a row has anything to show: any figure counted, not only receipts. */
const counted = (i: StatsItem) =>
  [i.received, i.assigned, i.firstFollowUps, i.openOverdue, i.misses, i.escalations, i.transfers, i.reopenings, i.ombudsmanFlags, i.ratings].some(
    (v) => v > 0,
  ) || Object.values(i.indicators ?? {}).some((v) => v > 0);

/** Monitoring: the monthly figures of `/v1/stats` per region or agency, as charts and a table. */
export function StatsPage() {
  const [month, setMonth] = useState(reportingMonth);
  const [level, setLevel] = useState<'REGION' | 'AGENCY' | 'SERVICE'>('REGION');
  const [province, setProvince] = useState('');
  const stats = useLoad(
    () => call<StatsOutput>(`/v1/stats?month=${month}&level=${level}${province ? `&regionCode=${province}` : ''}`),
    [month, level, province],
  );
  const items = (stats.data?.items ?? []).filter(counted).slice(0, 40);
  // Agencies are counted from disposition (a complaint is received by a region, then assigned to an agency).
  const inbound =
    level === 'AGENCY'
      ? { title: t('stats.assignedTitle'), column: t('stats.assigned'), of: (i: StatsItem) => i.assigned }
      : { title: t('stats.receivedTitle'), column: t('stats.received'), of: (i: StatsItem) => i.received };
  return (
    <>
      <PageTitle title={t('stats.title')}>{t('stats.heading')}</PageTitle>
      <p>{t('stats.lead')}</p>
      <form class="card" onSubmit={(e) => e.preventDefault()} aria-label={t('stats.choose')}>
        <div class="filters">
          <Field id="s-month" label={t('stats.month')}>
            {(aria) => <input type="month" {...aria} value={month} onInput={(e) => setMonth((e.target as HTMLInputElement).value || reportingMonth())} />}
          </Field>
          <Field id="s-level" label={t('stats.by')}>
            {(aria) => (
              <select {...aria} value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value as 'REGION' | 'AGENCY' | 'SERVICE')}>
                <option value="REGION">{t('stats.byRegion')}</option>
                <option value="AGENCY">{t('stats.byAgency')}</option>
                <option value="SERVICE">{t('stats.byService')}</option>
              </select>
            )}
          </Field>
          <RegionPicker idPrefix="s-region" province={province} regency="" optional onChange={(p) => setProvince(p)} />
        </div>
      </form>
      {stats.error && <Problem error={stats.error} />}
      {stats.loading && !stats.data && <Loading what={t('stats.loading')} />}
      {stats.data && !items.length && <p class="muted">{t('stats.empty')}</p>}
      {items.length > 0 && (
        <>
          <BarChart name={nameOf} title={inbound.title} items={items} value={inbound.of} unit="" />
          <BarChart name={nameOf} title={t('stats.onTime')} items={items} value={(i) => i.firstFollowUpOnTimePct} unit="%" max={100} />
          <BarChart name={nameOf} title={t('stats.openOverdue')} items={items} value={(i) => i.openOverdue} unit="" />
          <BarChart name={nameOf} title={t('stats.escalations')} items={items} value={(i) => i.escalations} unit="" />
          <BarChart name={nameOf} title={t('stats.flagged')} items={items} value={(i) => i.ombudsmanFlags} unit="" />
          {level === 'SERVICE' && (
            <>
              <BarChart name={nameOf} title={t('stats.prolongedDelay')} items={items} value={(i) => i.indicators?.prolongedDelay ?? null} unit="" />
              <BarChart name={nameOf} title={t('stats.illegalLevy')} items={items} value={(i) => i.indicators?.illegalLevy ?? null} unit="" />
              <BarChart name={nameOf} title={t('stats.proceduralDeviation')} items={items} value={(i) => i.indicators?.proceduralDeviation ?? null} unit="" />
            </>
          )}
          <h2>{t('stats.table')}</h2>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls inside its box; keyboard users need focus to scroll it (WCAG 2.1.1) */}
          <section class="table-wrap" aria-label={t('stats.tableScroll')} tabIndex={0}>
            <table>
              <caption class="visually-hidden">{t('stats.caption', { month })}</caption>
              <thead>
                <tr>
                  <th scope="col">{level === 'REGION' ? t('stats.region') : level === 'AGENCY' ? t('stats.agency') : t('stats.service')}</th>
                  <th scope="col">{inbound.column}</th>
                  <th scope="col">{t('stats.colOnTime')}</th>
                  <th scope="col">{t('stats.colOverdue')}</th>
                  <th scope="col">{t('stats.colEscalations')}</th>
                  <th scope="col">{t('stats.colMisses')}</th>
                  <th scope="col">{t('stats.colOmbudsman')}</th>
                  <th scope="col">{t('stats.colRating')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={nameOf(i)}>
                    <th scope="row">{nameOf(i)}</th>
                    <td>{inbound.of(i)}</td>
                    <td>{i.firstFollowUpOnTimePct ?? '—'}</td>
                    <td>{i.openOverdue}</td>
                    <td>{i.escalations}</td>
                    <td>{i.misses}</td>
                    <td>{i.ombudsmanFlags}</td>
                    <td>{i.averageRating ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </>
  );
}
