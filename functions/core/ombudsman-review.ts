/**
 * Ombudsman review: why a complaint goes to the Ombudsman office of its province, the flag, and
 * the reopening when an agency ignores the office's recommendation.
 */
import { findAgency, ombudsmanOfficeId } from './agencies';
import type { Complaint, OmbudsmanReason, TimelineEvent } from './complaint';
import { systemSentence } from './languages';

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
      ...systemSentence('flagged', { office: findAgency(office)?.name ?? office, reason }),
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
      ...systemSentence('backToOmbudsman', { office: findAgency(review.office)?.name ?? review.office, reason: 'RECOMMENDATION_IGNORED' }),
      visibility: 'PUBLIC',
    },
  };
}
