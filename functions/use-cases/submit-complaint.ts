import type { SubmitComplaintInput } from '../contract/submit-complaint';
import { canonicalJson } from '../core/canonical-json';
import { deadlineAfter } from '../core/clocks';
import type { Complaint, ComplaintService, Deadline, ReporterIdentity, TimelineEvent } from '../core/complaint';
import { DomainError, validationError } from '../core/errors';
import { systemSentence } from '../core/languages';
import { flagForOmbudsman } from '../core/ombudsman-review';
import type { Complaints, Outbox, OutboxMessage } from '../core/ports';
import { resolveRegion } from '../core/regions';
import type { ServiceAnswers } from '../core/service-answers';
import { maladministrationIndicators, serviceClocks, standardInForce } from '../core/services';
import { newTrackingId } from '../core/tracking-id';
import { endOfDay, localDate, type WorkingDayCalendar } from '../core/working-days';
import type { Deps } from './deps';
import { dispatchOutbox } from './dispatch-outbox';
import { sha256 } from './hashing';
import { outboxFor } from './notifications';

/** What a submission reads and writes. */
export type SubmitDeps = Pick<Deps, 'queue' | 'clock' | 'logger' | 'calendar' | 'contacts' | 'illegalLevyToOmbudsman' | 'policyFor' | 'random' | 'services'> & {
  store: Complaints & Outbox;
};

export interface SubmitResult {
  replayed: boolean;
  trackingId: string;
  accessToken: string;
  status: Complaint['status'];
  deadline: Deadline;
}

const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;
/** Access tokens one complaint may hold: the first and a few retries' (each replay mints one). */
export const MAX_ACCESS_TOKENS = 5;

/**
 * The service a complaint is about: the standard in force the day it was applied for, the
 * clocks that standard sets for complaints, and the maladministration the answers indicate.
 */
async function serviceAbout(deps: SubmitDeps, serviceId: string, answers: ServiceAnswers | undefined, today: string, calendar: WorkingDayCalendar) {
  const entry = await deps.services.get(serviceId);
  if (entry?.service.status !== 'ACTIVE')
    throw validationError([{ field: 'serviceId', message: 'layanan tidak dikenal atau sudah tidak aktif (lihat GET /v1/services)' }], 'Layanan tidak dikenal');
  const future = [
    ...(answers && answers.appliedOn > today ? [{ field: 'serviceAnswers.appliedOn', message: 'tidak boleh setelah hari ini' }] : []),
    ...(answers?.completedOn && answers.completedOn > today ? [{ field: 'serviceAnswers.completedOn', message: 'tidak boleh setelah hari ini' }] : []),
  ];
  if (future.length) throw validationError(future, 'Tanggal layanan tidak valid');
  const standard = standardInForce(entry.versions, answers?.appliedOn ?? today);
  const service: ComplaintService = {
    id: entry.service.id,
    agencyId: entry.service.agencyId,
    name: entry.service.name,
    ...(entry.service.nameEn ? { nameEn: entry.service.nameEn } : {}),
    ...(standard ? { version: standard.version, decreeNumber: standard.decreeNumber, clocks: serviceClocks(standard) } : {}),
  };
  const indicators = standard && answers ? maladministrationIndicators(standard, answers, today, calendar) : [];
  return { service, answers, indicators };
}

export async function submitComplaint(deps: SubmitDeps, input: SubmitComplaintInput, opts: { idempotencyKey?: string } = {}): Promise<SubmitResult> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const calendar = await deps.calendar.current();
  const region = resolveRegion(input.location.regionCode);
  if (!region) throw new DomainError('VALIDATION', 'Wilayah tidak dikenal', [{ field: 'location.regionCode', message: 'kode wilayah tidak dikenal' }]);
  const accessToken = Buffer.from(deps.random.bytes(32)).toString('base64url');
  const accessTokenHash = sha256(accessToken);
  const requestHash = sha256(canonicalJson(input));
  const about = input.serviceId
    ? await serviceAbout(deps, input.serviceId, input.serviceAnswers, localDate(now, region.province.timeZone), calendar)
    : undefined;
  const policy = deps.policyFor({ categoryId: input.categoryId, ...(about ? { service: about.service } : {}) });
  const statuteLimit = (days: number) =>
    policy.statuteUnit === 'WORKING_DAYS'
      ? calendar.addWorkingDays(now, days, region.province.timeZone).deadline
      : endOfDay(localDate(new Date(now.getTime() + days * 86_400_000), region.province.timeZone), region.province.timeZone);
  const statute = { respondBy: statuteLimit(policy.statuteRespondDays), decideBy: statuteLimit(policy.statuteDecideDays), unit: policy.statuteUnit };
  const deadline: Deadline = deadlineAfter(now, 'DISPOSITION', policy.dispositionWorkingDays, region.province.timeZone, calendar);
  const reporter: ReporterIdentity | undefined =
    input.reporter && (input.reporter.name || input.reporter.email || input.reporter.phone) ? input.reporter : undefined;

  for (let attempt = 0; attempt < 5; attempt++) {
    const trackingId = newTrackingId((n) => deps.random.bytes(n));
    const submitted: Complaint = {
      trackingId,
      type: input.type,
      title: input.title,
      description: input.description,
      categoryId: input.categoryId,
      location: input.location,
      ...(input.incidentDate ? { incidentDate: input.incidentDate } : {}),
      ...(input.targetAgencyId ? { targetAgencyId: input.targetAgencyId } : {}),
      anonymous: input.anonymous,
      confidential: input.confidential,
      ...(input.language && input.language !== 'id' ? { language: input.language } : {}),
      hasReporterIdentity: reporter !== undefined,
      ...(reporter?.email ? { reporterEmail: { confirmed: false } } : {}),
      ...(about ? { service: about.service } : {}),
      ...(about?.answers ? { serviceAnswers: about.answers } : {}),
      ...(about?.indicators.length ? { indicators: about.indicators } : {}),
      status: 'SUBMITTED',
      submittedAt: at,
      updatedAt: at,
      routing: { state: 'PENDING' },
      deadline,
      statute,
      version: 1,
    };
    const event: TimelineEvent = {
      at,
      type: 'SUBMITTED',
      actor: { kind: 'REPORTER' },
      toStatus: 'SUBMITTED',
      ...systemSentence('submitted'),
      visibility: 'PUBLIC',
    };
    // A fee where the standard says free (or above its tariff) goes to the Ombudsman at once, where
    // the stage says so: pungli is not left to wait for the agency that levied it.
    const flag =
      deps.illegalLevyToOmbudsman && about?.indicators.some((i) => i.kind === 'ILLEGAL_LEVY')
        ? flagForOmbudsman(submitted, 'ILLEGAL_LEVY_INDICATED', at)
        : { complaint: submitted };
    const complaint = flag.complaint;
    const outbox: OutboxMessage[] = [
      { id: `route-${trackingId}`, queue: 'routing', body: { kind: 'ROUTE_COMPLAINT', trackingId }, createdAt: at },
      ...outboxFor(trackingId, 1, reporter?.email ? [{ template: 'REPORTER_CONFIRM_EMAIL' }] : [], at),
    ];
    const result = await deps.store.create({
      complaint,
      reporter,
      accessTokenHash,
      events: [event, ...(flag.event ? [flag.event] : [])],
      outbox,
      // No counters here: a submission touches only its own items (counted as received when routed).
      contactLookups: [
        ...(reporter?.email ? [{ kind: 'EMAIL' as const, hash: deps.contacts.hash('EMAIL', reporter.email) }] : []),
        ...(reporter?.phone ? [{ kind: 'PHONE' as const, hash: deps.contacts.hash('PHONE', reporter.phone) }] : []),
      ],
      ...(opts.idempotencyKey
        ? { idempotency: { key: opts.idempotencyKey, requestHash, expiresAt: new Date(now.getTime() + IDEMPOTENCY_WINDOW_MS), now } }
        : {}),
    });
    if (result.kind === 'TRACKING_ID_TAKEN') continue;
    if (result.kind === 'DUPLICATE_KEY') return replay(deps, result, requestHash);
    try {
      await dispatchOutbox(deps, trackingId, outbox);
    } catch (error) {
      // The complaint and its outbox row are stored: the outbox relay sends it later.
      deps.logger.warn('routing queue unavailable; complaint kept in the outbox', { trackingId, error: String(error) });
    }
    return { replayed: false, trackingId, accessToken, status: complaint.status, deadline };
  }
  throw new Error('could not allocate a unique tracking number');
}

async function replay(deps: SubmitDeps, dup: { trackingId: string; requestHash: string }, requestHash: string): Promise<SubmitResult> {
  if (dup.requestHash !== requestHash) {
    throw new DomainError('UNPROCESSABLE', 'Idempotency-Key ini sudah dipakai untuk laporan dengan isi berbeda. Gunakan kunci baru untuk laporan baru.', [
      { field: 'Idempotency-Key', message: 'sudah dipakai untuk isi yang berbeda' },
    ]);
  }
  const stored = await deps.store.get(dup.trackingId);
  if (!stored) throw new Error(`idempotency record points at a missing complaint ${dup.trackingId}`);
  // Only hashes are stored, so a retry cannot get the first token back: it gets a second
  // token that opens the same complaint.
  const accessToken = Buffer.from(deps.random.bytes(32)).toString('base64url');
  if (!(await deps.store.addAccessTokenHash(dup.trackingId, sha256(accessToken), MAX_ACCESS_TOKENS))) {
    throw new DomainError(
      'CONFLICT',
      `Laporan ini sudah diterima dengan nomor ${dup.trackingId} dan sudah dikirim ulang ${MAX_ACCESS_TOKENS - 1} kali. Gunakan token akses yang sudah Anda terima.`,
      [{ field: 'Idempotency-Key', message: 'batas pengiriman ulang tercapai' }],
    );
  }
  const c = stored.complaint;
  return { replayed: true, trackingId: c.trackingId, accessToken, status: c.status, deadline: c.deadline };
}
