import type { TimeZoneId } from './regions';

export const COMPLAINT_TYPES = ['COMPLAINT', 'ASPIRATION', 'INFORMATION_REQUEST'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];
export type ComplaintStatus = 'SUBMITTED' | 'ASSIGNED';

/** What a citizen reads for each state (Indonesian first). */
export const STATUS_LABELS: Record<ComplaintStatus, { id: string; en: string }> = {
  SUBMITTED: { id: 'Belum Terverifikasi', en: 'Submitted' },
  ASSIGNED: { id: 'Terverifikasi/Didisposisikan', en: 'Assigned to an agency' },
};
export const TYPE_LABELS: Record<ComplaintType, string> = {
  COMPLAINT: 'Pengaduan',
  ASPIRATION: 'Aspirasi',
  INFORMATION_REQUEST: 'Permintaan Informasi',
};

export interface Location {
  regionCode: string;
  address?: string;
  latitude?: number;
  longitude?: number;
}

export interface ReporterIdentity {
  name?: string;
  email?: string;
  phone?: string;
}

export type DeadlineStage = 'DISPOSITION' | 'FOLLOW_UP';

export interface Deadline {
  stage: DeadlineStage;
  workingDays: number;
  /** Local date of the last working day. */
  date: string;
  /** End of that day, ISO with the zone's offset. */
  dueAt: string;
  timeZone: TimeZoneId;
  /** Years counted with weekends only because no official calendar was loaded for them. */
  uncoveredYears?: number[];
}

export type RoutingState = 'PENDING' | 'ASSIGNED' | 'MANUAL_REQUIRED';

export interface Complaint {
  trackingId: string;
  type: ComplaintType;
  title: string;
  description: string;
  categoryId: string;
  location: Location;
  incidentDate?: string;
  targetAgencyId?: string;
  anonymous: boolean;
  confidential: boolean;
  /** Whether a REPORTER record exists; the identity itself is stored apart from the complaint. */
  hasReporterIdentity: boolean;
  status: ComplaintStatus;
  submittedAt: string;
  updatedAt: string;
  routing: { state: RoutingState; reason?: string; method?: RoutingMethod };
  assignedAgencyId?: string;
  assignedAt?: string;
  deadline: Deadline;
  version: number;
}

export type RoutingMethod = 'TARGET_AGENCY' | 'CATEGORY_REGION';

export type TimelineEventType = 'SUBMITTED' | 'ASSIGNED' | 'MANUAL_ROUTING_REQUIRED' | 'AGENCY_NOTIFIED';

export interface TimelineEvent {
  at: string;
  type: TimelineEventType;
  actor: { kind: 'REPORTER' | 'SYSTEM' | 'STAFF'; id?: string };
  fromStatus?: ComplaintStatus;
  toStatus?: ComplaintStatus;
  /** Indonesian text shown on the timeline. */
  message: string;
  /** PUBLIC: anyone who may see the complaint; REPORTER: the reporter and staff; INTERNAL: staff only. */
  visibility: 'PUBLIC' | 'REPORTER' | 'INTERNAL';
  agencyId?: string;
}

export interface Assignment {
  agencyId: string;
  method: RoutingMethod;
  at: string;
  deadline: Deadline;
}

/** Applies a routing decision; only a complaint still waiting for routing can be assigned. */
export function assign(complaint: Complaint, a: Assignment): { complaint: Complaint; event: TimelineEvent } {
  if (complaint.status !== 'SUBMITTED') throw new Error(`cannot assign a complaint in ${complaint.status}`);
  return {
    complaint: {
      ...complaint,
      status: 'ASSIGNED',
      routing: { state: 'ASSIGNED', method: a.method },
      assignedAgencyId: a.agencyId,
      assignedAt: a.at,
      deadline: a.deadline,
      updatedAt: a.at,
      version: complaint.version + 1,
    },
    event: {
      at: a.at,
      type: 'ASSIGNED',
      actor: { kind: 'SYSTEM' },
      fromStatus: 'SUBMITTED',
      toStatus: 'ASSIGNED',
      agencyId: a.agencyId,
      message: 'Laporan didisposisikan ke instansi yang berwenang.',
      visibility: 'PUBLIC',
    },
  };
}

export function requireManualRouting(complaint: Complaint, reason: string, at: string): { complaint: Complaint; event: TimelineEvent } {
  if (complaint.status !== 'SUBMITTED') throw new Error(`cannot route a complaint in ${complaint.status}`);
  return {
    complaint: { ...complaint, routing: { state: 'MANUAL_REQUIRED', reason }, updatedAt: at, version: complaint.version + 1 },
    event: {
      at,
      type: 'MANUAL_ROUTING_REQUIRED',
      actor: { kind: 'SYSTEM' },
      message: 'Laporan menunggu disposisi manual oleh verifikator.',
      visibility: 'REPORTER',
    },
  };
}
