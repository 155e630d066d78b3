import { findAgency, provinceAgencyId, regencyAgencyId } from './agencies';
import { findCategory } from './categories';
import { type ComplaintChange, revise } from './change';
import { deadlineAfter, type PolicyFor } from './clocks';
import type { Complaint, RoutingMethod } from './complaint';
import { systemSentence } from './languages';
import { resolveRegion } from './regions';
import type { WorkingDayCalendar } from './working-days';

export type RoutingDecision = { kind: 'AGENCY'; agencyId: string; method: RoutingMethod } | { kind: 'MANUAL'; reason: string };

/**
 * The competent agency: the agency of the public service the complaint is about (no guessing),
 * else the citizen's own choice when it names a real agency that takes complaints, else the
 * category's level of government in the complaint's region.
 */
export function chooseAgency(complaint: Pick<Complaint, 'targetAgencyId' | 'categoryId' | 'location' | 'service'>): RoutingDecision {
  if (complaint.service && findAgency(complaint.service.agencyId)) return { kind: 'AGENCY', agencyId: complaint.service.agencyId, method: 'SERVICE_STANDARD' };
  if (complaint.targetAgencyId) {
    const target = findAgency(complaint.targetAgencyId);
    if (target && target.level !== 'OMBUDSMAN') return { kind: 'AGENCY', agencyId: target.id, method: 'TARGET_AGENCY' };
  }
  const category = findCategory(complaint.categoryId);
  if (!category) return { kind: 'MANUAL', reason: `Kategori tidak dikenal: ${complaint.categoryId}` };
  const region = resolveRegion(complaint.location.regionCode);
  const handler = category.handledBy;
  switch (handler.level) {
    case 'NATIONAL':
      return findAgency(handler.agencyId)
        ? { kind: 'AGENCY', agencyId: handler.agencyId, method: 'CATEGORY_REGION' }
        : { kind: 'MANUAL', reason: `Instansi kategori tidak ada: ${handler.agencyId}` };
    case 'PROVINCE':
      return region
        ? { kind: 'AGENCY', agencyId: provinceAgencyId(region.province.code), method: 'CATEGORY_REGION' }
        : { kind: 'MANUAL', reason: 'Wilayah tidak dikenal' };
    case 'REGENCY':
      return region?.regency
        ? { kind: 'AGENCY', agencyId: regencyAgencyId(region.regency.code), method: 'CATEGORY_REGION' }
        : { kind: 'MANUAL', reason: 'Kategori ditangani kabupaten/kota, tetapi lokasi hanya menyebut provinsi' };
    case 'MANUAL':
      return { kind: 'MANUAL', reason: 'Kategori memerlukan penentuan instansi oleh verifikator' };
  }
}

/**
 * The router's transition of a submitted complaint still waiting for routing: assigned at once
 * (a category an operator routes automatically), suggested to the verifiers, or left for them
 * to route by hand. Undefined when routing already happened.
 */
export function route(
  c: Complaint,
  opts: {
    automatic: (categoryId: string) => boolean;
    now: Date;
    calendar: WorkingDayCalendar;
    policyFor: PolicyFor;
    /** The agency acting for the one chosen (an inactive agency's work goes to its parent); the chosen one by default. */
    actingFor?: (agencyId: string) => string;
  },
): ComplaintChange | undefined {
  if (c.status !== 'SUBMITTED' || c.routing.state !== 'PENDING') return undefined;
  const at = opts.now.toISOString();
  const decision = chooseAgency(c);
  if (decision.kind === 'MANUAL') {
    return {
      complaint: revise(c, at, { routing: { state: 'MANUAL_REQUIRED', reason: decision.reason } }),
      events: [
        {
          at,
          type: 'MANUAL_ROUTING_REQUIRED',
          actor: { kind: 'SYSTEM' },
          ...systemSentence('manualRouting'),
          visibility: 'REPORTER',
        },
      ],
      notifications: [],
    };
  }
  const chosen = findAgency(decision.agencyId);
  const agency = findAgency(opts.actingFor?.(decision.agencyId) ?? decision.agencyId);
  if (!agency || !chosen) throw new Error(`routing chose an unknown agency ${decision.agencyId}`);
  // An inactive agency's work goes to the one acting for it, and the entry says so.
  const handedUp = agency.id !== chosen.id;
  const names = { agency: agency.name, chosen: chosen.name };
  if (!opts.automatic(c.categoryId)) {
    return {
      complaint: revise(c, at, { routing: { state: 'AWAITING_VERIFICATION' }, suggestedAgencyId: agency.id }),
      events: [
        {
          at,
          type: 'ROUTING_SUGGESTED',
          actor: { kind: 'SYSTEM' },
          agencyId: agency.id,
          ...systemSentence(handedUp ? 'suggestedActing' : 'suggested', names),
          visibility: 'INTERNAL',
        },
      ],
      notifications: [],
    };
  }
  return {
    complaint: revise(c, at, {
      status: 'ASSIGNED',
      routing: { state: 'ASSIGNED', method: decision.method },
      assignedAgencyId: agency.id,
      assignedAt: at,
      deadline: deadlineAfter(opts.now, 'FOLLOW_UP', opts.policyFor(c, agency.id).followUpWorkingDays, agency.timeZone, opts.calendar),
    }),
    events: [
      {
        at,
        type: 'ASSIGNED',
        actor: { kind: 'SYSTEM' },
        fromStatus: 'SUBMITTED',
        toStatus: 'ASSIGNED',
        agencyId: agency.id,
        ...systemSentence(handedUp ? 'assignedActing' : 'assigned', names),
        visibility: 'PUBLIC',
      },
    ],
    notifications: [{ template: 'AGENCY_ASSIGNED', agencyId: agency.id }, { template: 'REPORTER_VERIFIED' }],
  };
}
