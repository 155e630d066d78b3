/**
 * The Ombudsman's view of every agency (issue 22): compliance scores for a month or a range of
 * months, ranked within each level and province, and one agency's scorecard with its trend and
 * what would raise it. Read from the monthly counters (one read of each month's figures for every
 * agency at once, never a scan of complaints) and the agencies' published services. Public:
 * counts only, no complaint and no identity.
 */
import { type Agency, agencies, findAgency } from '../core/agencies';
import {
  type Methodology,
  mayReadFigureComplaints,
  methodologyFor,
  ranked,
  SCORECARD_FIGURES,
  type Scorecard,
  type ScorecardFigure,
  scorecardOf,
} from '../core/compliance';
import { DomainError, notFound } from '../core/errors';
import { type MessageKey, systemSentence } from '../core/languages';
import type { CounterDelta } from '../core/monitoring';
import type { ComplaintQueries, FigureComplaint } from '../core/ports';
import { provinceOf } from '../core/readiness';
import type { StaffPrincipal } from '../core/staff';
import type { Deps } from './deps';

type ComplianceDeps = { store: Pick<ComplaintQueries, 'stats'> } & Pick<Deps, 'readiness'>;
type Counts = CounterDelta['add'];

/** A period of whole months, `from` and `to` included (YYYY-MM). */
export interface Period {
  from: string;
  to: string;
}

/** The months of a period, oldest first (the input bounds it to 12). */
export function monthsOf(p: Period): string[] {
  const months: string[] = [];
  let [y, m] = p.from.split('-').map(Number) as [number, number];
  for (let i = 0; i < 24; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > p.to) break;
    months.push(month);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return months;
}

/** Agencies scored: ministries and national agencies, provinces, regencies and cities (not the Ombudsman's own offices). */
const SCORED = agencies.filter((a) => a.level !== 'OMBUDSMAN');

const add = (into: Counts, counts: Counts) => {
  for (const [k, v] of Object.entries(counts)) into[k as keyof Counts] = (into[k as keyof Counts] ?? 0) + (v ?? 0);
};

/** Each agency's counters of each month of the period: one read of each month's figures. */
async function countsByMonth(deps: ComplianceDeps, months: string[]) {
  const byMonth = new Map<string, Map<string, Counts>>();
  for (const month of months) {
    const agencyCounts = new Map<string, Counts>();
    for (const f of await deps.store.stats(month)) if (f.scope.kind === 'AGENCY') agencyCounts.set(f.scope.agencyId, f.counts);
    byMonth.set(month, agencyCounts);
  }
  return byMonth;
}

function rowOf(agency: Agency, card: Scorecard) {
  const province = provinceOf(agency);
  return { agencyId: agency.id, name: agency.name, level: agency.level, ...(province ? { provinceCode: province } : {}), ...card };
}

export interface ComplianceQuery {
  period: Period;
  level?: Agency['level'] | undefined;
  provinceCode?: string | undefined;
}

/** GET /v1/compliance: every agency's score in the period, ranked within its level and its province. */
export async function complianceTable(deps: ComplianceDeps, q: ComplianceQuery) {
  const months = monthsOf(q.period);
  const methodology = methodologyFor(q.period.to);
  const [byMonth, facts] = await Promise.all([countsByMonth(deps, months), deps.readiness.all()]);
  const rows = SCORED.map((agency) => {
    const total: Counts = {};
    for (const month of months) add(total, byMonth.get(month)?.get(agency.id) ?? {});
    return rowOf(agency, scorecardOf(total, facts.get(agency.id)?.services ?? 0, methodology));
  });
  // Ranks within a level across the country, and within a level in each province.
  const rank = new Map<string, number | null>();
  const rankInProvince = new Map<string, number | null>();
  for (const level of new Set(rows.map((r) => r.level))) {
    const same = rows.filter((r) => r.level === level);
    for (const r of ranked(same)) rank.set(r.agencyId, r.rank);
    for (const province of new Set(same.flatMap((r) => (r.provinceCode ? [r.provinceCode] : []))))
      for (const r of ranked(same.filter((x) => x.provinceCode === province))) rankInProvince.set(r.agencyId, r.rank);
  }
  const withRank = rows.map((r) => ({ ...r, rank: rank.get(r.agencyId) ?? null, rankInProvince: rankInProvince.get(r.agencyId) ?? null }));
  const shown = withRank
    .filter((r) => (!q.level || r.level === q.level) && (!q.provinceCode || r.provinceCode === q.provinceCode))
    .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name));
  return { period: q.period, methodology: methodologyView(methodology), rows: shown };
}

/** What would raise a score most, first: from the parts that cost it points (in Indonesian, and as keys to read in any language). */
function advice(card: Scorecard) {
  const p = card.parts;
  const keys: MessageKey<'record'>[] = [];
  if (p.indicators.illegalLevy > 0) keys.push('advice.illegalLevy');
  if (p.standards.services === 0) keys.push('advice.noStandards');
  if (p.handling.firstFollowUpLate > 0) keys.push('advice.lateFollowUp');
  if (p.handling.recommendationsIgnored > 0) keys.push('advice.recommendationsIgnored');
  if (p.handling.closedAfterStatute > 0) keys.push('advice.closedAfterStatute');
  if (p.handling.escalations > 0) keys.push('advice.escalations');
  if (p.indicators.prolongedDelay + p.indicators.proceduralDeviation > 0) keys.push('advice.standardsKept');
  if (p.handling.reopenings > 0) keys.push('advice.reopenings');
  return keys.map((key) => systemSentence(key));
}

/** GET /v1/compliance/{agencyId}: the scorecard of a period, month by month, and what would raise it. */
export async function agencyScorecard(deps: ComplianceDeps, agencyId: string, period: Period) {
  const agency = findAgency(agencyId);
  if (!agency || agency.level === 'OMBUDSMAN') throw notFound(`Instansi ${agencyId} tidak dinilai.`);
  const months = monthsOf(period);
  const [byMonth, facts] = await Promise.all([countsByMonth(deps, months), deps.readiness.all()]);
  const services = facts.get(agency.id)?.services ?? 0;
  const total: Counts = {};
  const trend = months.map((month) => {
    const counts = byMonth.get(month)?.get(agency.id) ?? {};
    add(total, counts);
    const card = scorecardOf(counts, services, methodologyFor(month));
    return { month, score: card.score, zone: card.zone };
  });
  const methodology = methodologyFor(period.to);
  const card = scorecardOf(total, services, methodology);
  return { ...rowOf(agency, card), period, methodologyInForce: methodologyView(methodology), trend, advice: advice(card) };
}

/** At most this many complaints behind one figure per request: a period of a busy agency is narrowed, not read whole. */
export const FIGURE_COMPLAINTS_LIMIT = 200;

/**
 * GET /v1/compliance/{agencyId}/complaints: which complaints make one figure of a period (staff:
 * tracking numbers only). One read per month of the period, each bounded.
 */
export async function figureComplaints(
  deps: { store: Pick<ComplaintQueries, 'figureComplaints'> },
  staff: StaffPrincipal,
  q: { agencyId: string; period: Period; figure: ScorecardFigure },
) {
  const agency = findAgency(q.agencyId);
  if (!agency || agency.level === 'OMBUDSMAN') throw notFound(`Instansi ${q.agencyId} tidak dinilai.`);
  if (!mayReadFigureComplaints(staff, agency))
    throw new DomainError('FORBIDDEN', 'Pengaduan di balik skor hanya dapat dilihat perwakilan Ombudsman provinsinya dan petugas instansi itu sendiri.');
  const complaints: FigureComplaint[] = [];
  let truncated = false;
  for (const month of monthsOf(q.period)) {
    const left = FIGURE_COMPLAINTS_LIMIT - complaints.length;
    if (left <= 0) {
      truncated = true;
      break;
    }
    const page = await deps.store.figureComplaints(agency.id, month, q.figure, left);
    complaints.push(...page.items);
    truncated ||= page.more;
  }
  return { agencyId: agency.id, name: agency.name, period: q.period, figure: q.figure, complaints, truncated };
}

/** The methodology as published beside every score: enough to recompute one by hand. */
export function methodologyView(m: Methodology) {
  return {
    version: m.version,
    effectiveFrom: m.effectiveFrom,
    source: m.source,
    bands: m.bands,
    minimumComplaints: m.minimumComplaints,
    weights: { parts: m.parts, handling: m.handling },
    penalties: { indicators: m.indicatorPenalty, ombudsmanFlag: m.ombudsmanFlagPenalty },
  };
}

type Row = Awaited<ReturnType<typeof complianceTable>>['rows'][number];

/** Each column of the CSV with how a row fills it: the row's own, then every figure a scorecard counts. */
const CSV_COLUMNS: [string, (r: Row) => unknown][] = [
  ['agencyId', (r) => r.agencyId],
  ['name', (r) => r.name],
  ['level', (r) => r.level],
  ['provinceCode', (r) => r.provinceCode],
  ['score', (r) => r.score],
  ['zone', (r) => r.zone],
  ['rank', (r) => r.rank],
  ['rankInProvince', (r) => r.rankInProvince],
  ['standardsScore', (r) => r.parts.standards.score],
  ['services', (r) => r.parts.standards.services],
  ['handlingScore', (r) => r.parts.handling.score],
  ['ratingAverage', (r) => r.parts.handling.ratingAverage],
  ['indicatorPenalty', (r) => r.parts.indicators.penalty],
  ...SCORECARD_FIGURES.map((f): [string, (r: Row) => unknown] => [f, (r) => ({ ...r.parts.handling, ...r.parts.indicators })[f]]),
];

/** The table as CSV (one row per agency, the figures behind each part), for a spreadsheet. */
export function complianceCsv(table: { rows: Row[] }): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = table.rows.map((r) => CSV_COLUMNS.map(([, value]) => cell(value(r))).join(','));
  return `${[CSV_COLUMNS.map(([name]) => name).join(','), ...lines].join('\n')}\n`;
}
