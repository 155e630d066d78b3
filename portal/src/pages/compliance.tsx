/**
 * Compliance, for everyone (issue 22): every agency's score in the Ombudsman's zones, ranked by
 * level and province, and each agency's scorecard with the figures behind each part, its trend
 * and what would raise it. Zones are said in words and in colour, never colour alone.
 */
import { useState } from 'preact/hooks';
import type { ComplianceTableOutput, FigureComplaintsOutput, ScorecardOutput } from '../../../functions/contract/outputs/compliance';
import type { ScorecardFigure } from '../../../functions/core/compliance';
import { call } from '../api';
import { BackLink, BarChart, Field, Loading, PageTitle, Problem, reportingMonth, useLoad } from '../components';
import { t } from '../i18n';
import { FIGURE_LABELS, label, ZONE_LABELS } from '../labels';
import { SystemSentence } from '../record';
import { type StaffSession, staffSession } from '../session';

const LEVEL_TEXT: Record<string, string> = {
  NATIONAL: t('compliance.levels.NATIONAL'),
  PROVINCE: t('compliance.levels.PROVINCE'),
  REGENCY: t('compliance.levels.REGENCY'),
};

function Zone({ zone }: { zone: string }) {
  return <span class={`badge zone-${zone.toLowerCase()}`}>{label(ZONE_LABELS, zone)}</span>;
}

/** #/kepatuhan */
export function CompliancePage() {
  const [month, setMonth] = useState(reportingMonth);
  const [level, setLevel] = useState('REGENCY');
  // An Ombudsman office opens on its own province's agencies.
  const [province, setProvince] = useState(() => staffSession()?.staff.provinceCode ?? '');
  const query = `period=${month}&level=${level}${province ? `&provinceCode=${province}` : ''}`;
  const table = useLoad(() => call<ComplianceTableOutput>(`/v1/compliance?${query}`), [query]);
  return (
    <>
      <PageTitle title={t('compliance.title')}>{t('compliance.heading')}</PageTitle>
      <p class="muted">{t('compliance.lead')}</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Field id="c-month" label={t('compliance.month')}>
          {(aria) => <input type="month" {...aria} value={month} onChange={(e) => setMonth((e.target as HTMLInputElement).value || reportingMonth())} />}
        </Field>
        <Field id="c-level" label={t('compliance.level')}>
          {(aria) => (
            <select {...aria} value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value)}>
              {Object.entries(LEVEL_TEXT).map(([v, t]) => (
                <option key={v} value={v}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="c-province" label={t('compliance.province')} hint={t('compliance.provinceHint')}>
          {(aria) => (
            <input
              type="text"
              {...aria}
              value={province}
              onChange={(e) => setProvince((e.target as HTMLInputElement).value)}
              inputMode="numeric"
              maxLength={2}
            />
          )}
        </Field>
      </form>
      <p>
        <a class="button secondary" href={`/v1/compliance?${query}&format=csv`} download>
          {t('compliance.csv')}
        </a>
      </p>
      {table.error && <Problem error={table.error} />}
      {table.loading && !table.data ? (
        <Loading what={t('compliance.loading')} />
      ) : (
        <ol class="list">
          {(table.data?.rows ?? []).map((r) => (
            <li key={r.agencyId} data-testid={`compliance-${r.agencyId}`}>
              <a class="title" href={`#/kepatuhan/${encodeURIComponent(r.agencyId)}`}>
                {r.rank ? `${r.rank}. ` : ''}
                {r.name}
              </a>{' '}
              <Zone zone={r.zone} />
              <div class="muted">
                {r.score === null ? t('compliance.notRated') : t('compliance.rowScore', { score: r.score })} ·{' '}
                {t('compliance.rowParts', { standards: r.parts.standards.score, handling: r.parts.handling.score })}
                {r.parts.indicators.penalty ? ` · ${t('compliance.rowPenalty', { penalty: r.parts.indicators.penalty })}` : ''}
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** The figures of a part, in the order the scorecard gives them (its score and averages are not counts). */
const figuresOf = (part: Record<string, number | null>) =>
  Object.keys(part).filter((k): k is ScorecardFigure => k !== 'score' && k !== 'ratingAverage' && k !== 'penalty');

/**
 * Whether this officer may open the complaints behind the figures: the agency's own staff, or an
 * Ombudsman office (the API decides which office: the one of the agency's province).
 */
const mayOpenFigures = (session: StaffSession | undefined, agencyId: string) =>
  Boolean(session && (session.staff.roles.includes('OMBUDSMAN') || session.staff.agencyId === agencyId));

/** The figures behind the score; for the agency's staff and its Ombudsman office, the complaints behind each. */
function Figures({ card, period }: { card: ScorecardOutput; period: string }) {
  const session = staffSession();
  const open = mayOpenFigures(session, card.agencyId);
  const counts: Record<string, number | null> = { ...card.parts.handling, ...card.parts.indicators };
  const rows = (figures: readonly ScorecardFigure[]) =>
    figures.map((f) => (
      <li key={f}>
        <span>
          {label(FIGURE_LABELS, f)}: <strong>{counts[f] ?? 0}</strong>
        </span>
        {open && (counts[f] ?? 0) > 0 && <FigureComplaints agencyId={card.agencyId} period={period} figure={f} session={session as StaffSession} />}
      </li>
    ));
  return (
    <section class="card" aria-labelledby="figures-title">
      <h2 id="figures-title">{t('compliance.figures')}</h2>
      {open && <p class="muted">{t('compliance.figuresOpen')}</p>}
      <h3>{t('compliance.handling')}</h3>
      <ul class="figures">{rows(figuresOf(card.parts.handling))}</ul>
      <h3>{t('compliance.indicators')}</h3>
      <ul class="figures">{rows(figuresOf(card.parts.indicators))}</ul>
    </section>
  );
}

/** The complaints behind one figure, opened on demand (staff: tracking numbers linking to each case). */
function FigureComplaints({ agencyId, period, figure, session }: { agencyId: string; period: string; figure: ScorecardFigure; session: StaffSession }) {
  const [shown, setShown] = useState(false);
  const list = useLoad(
    () =>
      shown
        ? call<FigureComplaintsOutput>(`/v1/compliance/${encodeURIComponent(agencyId)}/complaints?period=${period}&figure=${figure}`, {
            token: session.idToken,
            staff: true,
          })
        : Promise.resolve(undefined),
    [shown],
  );
  const id = `figure-${figure}`;
  return (
    <>
      <button type="button" class="secondary" aria-expanded={shown} aria-controls={id} onClick={() => setShown(!shown)}>
        {/* One name whether open or not: aria-expanded says which (a disclosure button). */}
        <span aria-hidden="true">{shown ? '▾ ' : '▸ '}</span>
        {t('compliance.showComplaints')}
        <span class="visually-hidden"> — {label(FIGURE_LABELS, figure)}</span>
      </button>
      <div id={id} hidden={!shown}>
        {list.error && <Problem error={list.error} />}
        {shown && list.loading && <Loading what={t('compliance.loadingComplaints')} />}
        {list.data && (
          <>
            <ul class="links">
              {list.data.complaints.map((x) => (
                <li key={`${x.month}-${x.trackingId}`}>
                  <a href={`#/petugas/kasus/${encodeURIComponent(x.trackingId)}`}>{x.trackingId}</a>{' '}
                  <span class="muted">
                    ({x.month}
                    {x.times > 1 ? `, ${t('compliance.times', { count: x.times })}` : ''})
                  </span>
                </li>
              ))}
            </ul>
            {list.data.truncated && <p class="muted">{t('compliance.truncated')}</p>}
          </>
        )}
      </div>
    </>
  );
}

/** #/kepatuhan/<agencyId>: the scorecard of the last twelve months. */
export function ScorecardPage({ agencyId }: { agencyId: string }) {
  const to = reportingMonth();
  const [y, m] = to.split('-').map(Number) as [number, number];
  const from = m === 12 ? `${y}-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}`;
  const card = useLoad(() => call<ScorecardOutput>(`/v1/compliance/${encodeURIComponent(agencyId)}?period=${from}..${to}`), [agencyId]);
  if (card.error) return <Problem error={card.error} />;
  if (!card.data) return <Loading what={t('compliance.loadingCard')} />;
  const c = card.data;
  const h = c.parts.handling;
  const ind = c.parts.indicators;
  return (
    <>
      <BackLink href="#/kepatuhan">{t('compliance.back')}</BackLink>
      <PageTitle title={c.name}>{c.name}</PageTitle>
      <p>
        <Zone zone={c.zone} /> {c.score === null ? (c.notScored ?? t('compliance.notRated')) : t('compliance.score', { score: c.score })} (
        {t('compliance.period', { from, to })})
      </p>
      {c.advice.length > 0 && (
        <section class="card" aria-labelledby="advice-title">
          <h2 id="advice-title">{t('compliance.advice')}</h2>
          <ol>
            {c.advice.map((a) => (
              <SystemSentence key={a.text.key} as="li" text={a.text} indonesian={a.message} />
            ))}
          </ol>
        </section>
      )}
      <h2>{t('compliance.parts')}</h2>
      <dl class="facts card">
        <dt>{t('compliance.standards')}</dt>
        <dd>
          {t('compliance.standardsFigure', {
            score: c.parts.standards.score,
            services: c.parts.standards.services,
            weight: c.methodologyInForce.weights.parts.standards ?? '',
          })}
        </dd>
        <dt>{t('compliance.handling')}</dt>
        <dd>
          {h.score}
          {h.ratingAverage === null ? '' : ` ${t('compliance.ratingAverage', { average: h.ratingAverage })}`}{' '}
          {t('compliance.weight', { weight: c.methodologyInForce.weights.parts.handling ?? '' })}
        </dd>
        <dt>{t('compliance.indicators')}</dt>
        <dd>{t('compliance.penalty', { penalty: ind.penalty })}</dd>
      </dl>
      <Figures card={c} period={`${from}..${to}`} />
      <BarChart title={t('compliance.trend')} items={c.trend.filter((t) => t.score !== null)} name={(t) => t.month} value={(t) => t.score} unit="" max={100} />
      <p class="muted">{t('compliance.methodology', { version: c.methodologyInForce.version, source: c.methodologyInForce.source })}</p>
    </>
  );
}
