/**
 * An agency's compliance score (issue 22, first part: the methodology and the arithmetic): from
 * the monitoring counters of a period and whether it publishes its service standards, a total
 * 0–100 in the Ombudsman's published zones, each part with the figures behind it, so the score can
 * be recomputed by hand. The weights and bands are data (data/compliance-methodology.json),
 * versioned by the month they take effect, like the calendar.
 */
import methodologyFile from '../../data/compliance-methodology.json';
import type { Agency } from './agencies';
import type { Counter, CounterDelta } from './monitoring';
import type { StaffPrincipal } from './staff';

export const ZONES = ['HIJAU', 'KUNING', 'MERAH', 'BELUM_DINILAI'] as const;
export type Zone = (typeof ZONES)[number];

export interface Methodology {
  version: string;
  /** YYYY-MM: the first month scored with it. */
  effectiveFrom: string;
  source: string;
  /** Highest band first: a score is in the first band whose minimum it reaches. */
  bands: { zone: Exclude<Zone, 'BELUM_DINILAI'>; min: number; label: string }[];
  /** Complaints assigned in the period below which an agency is not scored (too few to judge). */
  minimumComplaints: number;
  parts: { standards: number; handling: number };
  handling: {
    firstFollowUpOnTime: number;
    closedWithinStatute: number;
    recommendationsFollowed: number;
    notTransferredAway: number;
    notEscalated: number;
    notReopened: number;
    rating: number;
  };
  /** Points off the total per indicator of maladministration raised against the agency. */
  indicatorPenalty: { prolongedDelay: number; illegalLevy: number; proceduralDeviation: number };
  ombudsmanFlagPenalty: number;
}

/** The figures of a scorecard whose complaints are kept (for staff: the complaints behind each figure). */
export const SCORECARD_FIGURES = [
  'assigned',
  'firstFollowUpOnTime',
  'firstFollowUpLate',
  'closedWithinStatute',
  'closedAfterStatute',
  'recommendationsFollowed',
  'recommendationsIgnored',
  'transfers',
  'escalations',
  'reopenings',
  'ratingCount',
  'prolongedDelay',
  'illegalLevy',
  'proceduralDeviation',
  'ombudsmanFlags',
] as const satisfies readonly Counter[];
export type ScorecardFigure = (typeof SCORECARD_FIGURES)[number];

/** One complaint counted in one of an agency's figures of a month, `n` times. */
export interface FigureEntry {
  month: string;
  agencyId: string;
  figure: ScorecardFigure;
  trackingId: string;
  n: number;
}

/**
 * The complaints behind an agency's figures that a change's counters add: one entry per (month,
 * agency, figure, complaint), so a store keeps them beside the counters without touching an item
 * twice. Only the figures a scorecard shows are kept.
 */
export function figureEntriesOf(deltas: CounterDelta[]): FigureEntry[] {
  const entries = new Map<string, FigureEntry>();
  for (const d of deltas) {
    if (d.scope.kind !== 'AGENCY' || !d.trackingId) continue;
    for (const [figure, v] of Object.entries(d.add)) {
      if (!v || v < 0 || !(SCORECARD_FIGURES as readonly string[]).includes(figure)) continue;
      // A rating counts the complaint once, not its score.
      const n = figure === 'ratingCount' ? 1 : v;
      const key = `${d.month}|${d.scope.agencyId}|${figure}|${d.trackingId}`;
      const prev = entries.get(key);
      if (prev) prev.n += n;
      else entries.set(key, { month: d.month, agencyId: d.scope.agencyId, figure: figure as ScorecardFigure, trackingId: d.trackingId, n });
    }
  }
  return [...entries.values()];
}

/**
 * Who may see which complaints make an agency's figures: the Ombudsman office of its province (the
 * central office for national agencies), and the agency's own officers and administrator. The
 * public sees counts only.
 */
export function mayReadFigureComplaints(p: StaffPrincipal, agency: Agency): boolean {
  if (p.roles.includes('OMBUDSMAN')) return (p.provinceCode ?? null) === (agency.regionCode?.slice(0, 2) ?? null);
  return (p.roles.includes('AGENCY_OFFICER') || p.roles.includes('SERVICE_ADMIN')) && p.agencyId === agency.id;
}

export const METHODOLOGIES = methodologyFile.versions as Methodology[];

/** The methodology in force in a month (the newest that took effect by then). */
export function methodologyFor(month: string): Methodology {
  const inForce = [...METHODOLOGIES].filter((m) => m.effectiveFrom <= month).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  return inForce ?? (METHODOLOGIES[0] as Methodology);
}

export const zoneOf = (score: number, m: Methodology): Exclude<Zone, 'BELUM_DINILAI'> => {
  const band = m.bands.find((b) => score >= b.min) ?? m.bands[m.bands.length - 1];
  return (band as Methodology['bands'][number]).zone;
};

type Counts = CounterDelta['add'];
const n = (c: Counts, k: keyof Counts) => c[k] ?? 0;
/** Two decimals, as the published scores are. */
const round2 = (x: number) => Math.round(x * 100) / 100;
/** A share in 0–1, or 1 when there was nothing to count (nothing went wrong). */
const share = (good: number, of: number) => (of > 0 ? good / of : 1);

export interface Scorecard {
  score: number | null;
  zone: Zone;
  methodology: string;
  /** Why not scored, when it is not. */
  notScored?: string;
  parts: {
    standards: { score: number; services: number };
    handling: {
      score: number;
      assigned: number;
      firstFollowUpOnTime: number;
      firstFollowUpLate: number;
      closedWithinStatute: number;
      closedAfterStatute: number;
      recommendationsFollowed: number;
      recommendationsIgnored: number;
      transfers: number;
      escalations: number;
      reopenings: number;
      ratingCount: number;
      ratingAverage: number | null;
    };
    indicators: { penalty: number; prolongedDelay: number; illegalLevy: number; proceduralDeviation: number; ombudsmanFlags: number };
  };
}

/**
 * One agency's scorecard for a period: `counts` are its counters summed over the period's months,
 * `services` its active services (each with a standard of all 14 components: the schema holds it).
 */
export function scorecardOf(counts: Counts, services: number, m: Methodology): Scorecard {
  const assigned = n(counts, 'assigned');
  const onTime = n(counts, 'firstFollowUpOnTime');
  const late = n(counts, 'firstFollowUpLate');
  const ratingCount = n(counts, 'ratingCount');
  const ratingAverage = ratingCount > 0 ? n(counts, 'ratingSum') / ratingCount : null;
  const transfers = n(counts, 'transfers');
  const closedWithin = n(counts, 'closedWithinStatute');
  const closedAfter = n(counts, 'closedAfterStatute');
  const followed = n(counts, 'recommendationsFollowed');
  const ignored = n(counts, 'recommendationsIgnored');
  const h = m.handling;
  const handling =
    100 *
    (h.firstFollowUpOnTime * share(onTime, onTime + late) +
      h.closedWithinStatute * share(closedWithin, closedWithin + closedAfter) +
      h.recommendationsFollowed * share(followed, followed + ignored) +
      // Of what reached it, the share it handed on as "bukan wewenang".
      h.notTransferredAway * (1 - transfers / Math.max(1, assigned + transfers)) +
      h.notEscalated * (1 - Math.min(1, n(counts, 'escalations') / Math.max(1, assigned))) +
      h.notReopened * (1 - Math.min(1, n(counts, 'reopenings') / Math.max(1, assigned))) +
      // Ratings are 1–5; no rating yet counts as nothing wrong.
      h.rating * (ratingAverage === null ? 1 : (ratingAverage - 1) / 4));
  const standards = services > 0 ? 100 : 0;
  const indicators = {
    prolongedDelay: n(counts, 'prolongedDelay'),
    illegalLevy: n(counts, 'illegalLevy'),
    proceduralDeviation: n(counts, 'proceduralDeviation'),
    ombudsmanFlags: n(counts, 'ombudsmanFlags'),
  };
  const penalty =
    indicators.prolongedDelay * m.indicatorPenalty.prolongedDelay +
    indicators.illegalLevy * m.indicatorPenalty.illegalLevy +
    indicators.proceduralDeviation * m.indicatorPenalty.proceduralDeviation +
    indicators.ombudsmanFlags * m.ombudsmanFlagPenalty;
  const parts = {
    standards: { score: standards, services },
    handling: {
      score: round2(handling),
      assigned,
      firstFollowUpOnTime: onTime,
      firstFollowUpLate: late,
      closedWithinStatute: closedWithin,
      closedAfterStatute: closedAfter,
      recommendationsFollowed: followed,
      recommendationsIgnored: ignored,
      transfers,
      escalations: n(counts, 'escalations'),
      reopenings: n(counts, 'reopenings'),
      ratingCount,
      ratingAverage: ratingAverage === null ? null : round2(ratingAverage),
    },
    indicators: { penalty, ...indicators },
  };
  if (assigned < m.minimumComplaints)
    return {
      score: null,
      zone: 'BELUM_DINILAI',
      methodology: m.version,
      notScored: `${assigned} pengaduan didisposisikan dalam periode ini; penilaian memerlukan paling sedikit ${m.minimumComplaints}.`,
      parts,
    };
  const score = round2(Math.max(0, Math.min(100, m.parts.standards * standards + m.parts.handling * handling - penalty)));
  return { score, zone: zoneOf(score, m), methodology: m.version, parts };
}

/** Ranks scored rows (1 = best; equal scores share a rank), leaving unscored ones unranked. */
export function ranked<T extends { score: number | null }>(rows: T[]): (T & { rank: number | null })[] {
  const scores = rows.flatMap((r) => (r.score === null ? [] : [r.score])).sort((a, b) => b - a);
  return rows.map((r) => ({ ...r, rank: r.score === null ? null : scores.indexOf(r.score) + 1 }));
}
