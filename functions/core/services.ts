/**
 * SIPP: the services an agency delivers and the published standard of each (UU 25/2009 Pasal 21;
 * PermenPANRB 15/2014). A standard is versioned: each version carries its decree (No. SK) and
 * the date it takes effect, and old versions stay readable, because a complaint is judged by the
 * standard in force when the service was received.
 *
 * The parts a machine reasons about are structured (completion time, cost, requirements,
 * procedure, complaint-handling clocks); the others are text, as SIPP entries read.
 */
import type { LifecyclePolicy } from './clocks';
import { message, type RecordText, recordText } from './languages';
import type { IndicatorKind, MaladministrationIndicator, ServiceAnswers } from './service-answers';
import type { WorkingDayCalendar } from './working-days';

export type CompletionUnit = 'MINUTES' | 'HOURS' | 'WORKING_DAYS';
export const COMPLETION_UNITS: readonly CompletionUnit[] = ['MINUTES', 'HOURS', 'WORKING_DAYS'];

export type ServiceCost = { kind: 'FREE' } | { kind: 'TARIFF'; amount: number; legalBasis: string };

/**
 * The parts of a standard written as text, which an agency may also publish in English. The
 * Indonesian text is the standard; the English one is its reading for those who need it.
 */
export const STANDARD_TEXTS = [
  'legalBasis',
  'requirements',
  'procedure',
  'product',
  'facilities',
  'staffCompetence',
  'internalSupervision',
  'complaintChannels',
  'staffCount',
  'serviceGuarantee',
  'securityGuarantee',
  'performanceEvaluation',
] as const;
export type StandardText = (typeof STANDARD_TEXTS)[number];
/** A standard's English, part by part as the agency gave it: a part left out is read in Indonesian (and said to be). */
export type StandardEnglish = { [K in StandardText]?: K extends 'requirements' | 'procedure' ? string[] : string };

/** One published version of a service's standard (the 14 components of UU 25/2009 Pasal 21). */
export interface ServiceStandard {
  version: number;
  /** Nomor surat keputusan that adopted this version. */
  decreeNumber: string;
  /** YYYY-MM-DD: in force from this day until the next version's. */
  effectiveFrom: string;
  publishedAt: string;
  publishedBy: string;
  /** A correction of a version already in force (same effective date), with why: shown beside it, never silent. */
  correction?: { of: number; reason: string };
  legalBasis: string;
  requirements: string[];
  procedure: string[];
  completionTime: { value: number; unit: CompletionUnit };
  cost: ServiceCost;
  product: string;
  facilities: string;
  staffCompetence: string;
  internalSupervision: string;
  /** Complaint handling: its channels and, when the standard sets them, its own clocks. */
  complaintHandling: { channels: string; dispositionWorkingDays?: number; followUpWorkingDays?: number };
  staffCount: string;
  serviceGuarantee: string;
  securityGuarantee: string;
  performanceEvaluation: string;
  english?: StandardEnglish;
}

export interface PublicService {
  id: string;
  agencyId: string;
  /** The unit that delivers it (e.g. Dinas Kependudukan dan Pencatatan Sipil). */
  unit?: string;
  name: string;
  /** Its name in English, where the agency gave one. */
  nameEn?: string;
  /** Region codes it serves; empty means wherever its agency serves. */
  regionCodes: string[];
  status: 'ACTIVE' | 'RETIRED';
  currentVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** The standard in force on a day: the latest version whose effective date is not after it. */
export function standardInForce(versions: ServiceStandard[], day: string): ServiceStandard | undefined {
  return [...versions].filter((v) => v.effectiveFrom <= day).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
}

/** The clocks a service's complaint handling sets, over the national and stage policy. */
export function serviceClocks(standard: ServiceStandard): Partial<LifecyclePolicy> {
  const h = standard.complaintHandling;
  return {
    ...(h.dispositionWorkingDays ? { dispositionWorkingDays: h.dispositionWorkingDays } : {}),
    ...(h.followUpWorkingDays ? { followUpWorkingDays: h.followUpWorkingDays } : {}),
  };
}

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

/** An indicator with its two sentences: stored in Indonesian, and kept as keys so each reader gets them in their language. */
function indicator(kind: IndicatorKind, standard: RecordText, reported: RecordText): MaladministrationIndicator {
  const indonesian = (r: RecordText) => message('id', 'record', r.key, r.params);
  return { kind, standard: indonesian(standard), reported: indonesian(reported), text: { standard, reported } };
}

const DAY_MS = 86_400_000;
const dayNumber = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / DAY_MS;
/** Longest stretch counted, so a hostile date cannot make the count unbounded. */
const MAX_DAYS_COUNTED = 3 * 366;

/** Working days after `from` up to and including `to` (0 when the same day). */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: string, to: string): number {
  const start = dayNumber(from);
  const end = Math.min(dayNumber(to), start + MAX_DAYS_COUNTED);
  let n = 0;
  for (let d = start + 1; d <= end; d++) if (calendar.isWorkingDay(new Date(d * DAY_MS).toISOString().slice(0, 10))) n++;
  return n;
}

/**
 * The indicators a reporter's answers raise against the standard in force: a completion slower
 * than promised, a fee where the standard says free (or above its tariff), a requirement the
 * standard does not list. `today` is the submission day (a service still awaited counts to it).
 */
export function maladministrationIndicators(
  standard: ServiceStandard,
  answers: ServiceAnswers,
  today: string,
  calendar: WorkingDayCalendar,
): MaladministrationIndicator[] {
  const found: MaladministrationIndicator[] = [];
  const decree = standard.decreeNumber;
  const until = answers.completedOn ?? today;
  // A completion date before the application date counts as the same day (dates compare as text).
  const waited = [until, answers.appliedOn].sort()[1] as string;
  const t = standard.completionTime;
  const promised = recordText('indicator.delayStandard', { value: t.value, unit: t.unit, decree });
  const done = Boolean(answers.completedOn);
  if (t.unit === 'WORKING_DAYS') {
    const took = workingDaysBetween(calendar, answers.appliedOn, waited);
    if (took > t.value)
      found.push(
        indicator(
          'PROLONGED_DELAY',
          promised,
          recordText(done ? 'indicator.doneAfterWorkingDays' : 'indicator.waitingAfterWorkingDays', { days: took, appliedOn: answers.appliedOn }),
        ),
      );
  } else {
    // Minutes or hours: the reporter answers in dates, so anything not done by the next day is late.
    const days = dayNumber(waited) - dayNumber(answers.appliedOn);
    const allowedDays = Math.ceil((t.unit === 'HOURS' ? t.value * 60 : t.value) / (24 * 60));
    if (days > allowedDays)
      found.push(
        indicator(
          'PROLONGED_DELAY',
          promised,
          recordText(done ? 'indicator.doneAfterDays' : 'indicator.waitingAfterDays', { days, appliedOn: answers.appliedOn }),
        ),
      );
  }
  const charged = answers.charged ?? 0;
  const cost = standard.cost;
  if (charged > 0 && (cost.kind === 'FREE' || charged > cost.amount))
    found.push(
      indicator(
        'ILLEGAL_LEVY',
        cost.kind === 'FREE'
          ? recordText('indicator.costFree', { decree })
          : recordText('indicator.costTariff', { amount: rupiah(cost.amount), basis: cost.legalBasis, decree }),
        recordText('indicator.charged', { amount: rupiah(charged) }),
      ),
    );
  const listed = new Set(standard.requirements.map((r) => r.trim().toLowerCase()));
  const extra = (answers.extraRequirements ?? []).map((r) => r.trim()).filter((r) => r && !listed.has(r.toLowerCase()));
  if (extra.length)
    found.push(
      indicator(
        'PROCEDURAL_DEVIATION',
        recordText('indicator.requirements', { requirements: standard.requirements.join('; '), decree }),
        recordText('indicator.extraRequirements', { extra: extra.join('; ') }),
      ),
    );
  return found;
}
