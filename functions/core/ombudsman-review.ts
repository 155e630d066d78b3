/**
 * Ombudsman review: why a complaint goes to the Ombudsman office of its province, the flag, and
 * the reopening when an agency ignores the office's recommendation.
 */
import { findAgency, ombudsmanOfficeId } from './agencies';
import type { Complaint, OmbudsmanReason, TimelineEvent } from './complaint';

export const OMBUDSMAN_REASON_LABELS: Record<OmbudsmanReason, string> = {
  RESOLUTION_LIMIT_PASSED: 'batas 60 hari penyelesaian terlampaui',
  ESCALATION_EXHAUSTED: 'eskalasi hingga instansi tertinggi tetap tidak ditindaklanjuti',
  TRANSFERRED_REPEATEDLY: 'dilimpahkan (bukan wewenang) tiga kali atau lebih',
  REPORTER_REQUEST: 'pelapor meminta peninjauan Ombudsman',
  RECOMMENDATION_IGNORED: 'instansi tidak menindaklanjuti rekomendasi Ombudsman dalam batas waktunya',
  ILLEGAL_LEVY_INDICATED: 'indikasi pungutan liar: biaya melebihi standar pelayanan',
};

/** Adds a review flag (or a reason to an open one); the office is the complaint's province. */
export function flagForOmbudsman(
  c: Complaint,
  reason: OmbudsmanReason,
  at: string,
  consentToShareIdentity = false,
): { complaint: Complaint; event?: TimelineEvent } {
  const office = ombudsmanOfficeId(c.location.regionCode.split('.')[0] as string);
  const existing = c.ombudsmanReview;
  if (existing?.reasons.includes(reason)) return { complaint: c };
  const review =
    existing && existing.status === 'OPEN'
      ? { ...existing, reasons: [...existing.reasons, reason], consentToShareIdentity: existing.consentToShareIdentity || consentToShareIdentity }
      : { status: 'OPEN' as const, reasons: [reason], office, flaggedAt: at, consentToShareIdentity };
  return {
    complaint: { ...c, ombudsmanReview: review },
    event: {
      at,
      type: 'OMBUDSMAN_FLAGGED',
      actor: { kind: 'SYSTEM' },
      message: `Laporan diteruskan untuk peninjauan ${findAgency(office)?.name ?? office}: ${OMBUDSMAN_REASON_LABELS[reason]}.`,
      visibility: 'PUBLIC',
    },
  };
}

/** Opens a closed review again (an ignored recommendation), keeping its history of reasons. */
export function reopenForOmbudsman(c: Complaint, at: string): { complaint: Complaint; event: TimelineEvent } {
  const review = c.ombudsmanReview as NonNullable<Complaint['ombudsmanReview']>;
  const reasons = review.reasons.includes('RECOMMENDATION_IGNORED') ? review.reasons : [...review.reasons, 'RECOMMENDATION_IGNORED' as const];
  return {
    complaint: { ...c, ombudsmanReview: { ...review, status: 'OPEN', reasons, flaggedAt: at, outcome: undefined } },
    event: {
      at,
      type: 'OMBUDSMAN_FLAGGED',
      actor: { kind: 'SYSTEM' },
      message: `Laporan kembali ke ${findAgency(review.office)?.name ?? review.office}: ${OMBUDSMAN_REASON_LABELS.RECOMMENDATION_IGNORED}.`,
      visibility: 'PUBLIC',
    },
  };
}
