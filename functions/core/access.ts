/**
 * Who may do and see what on a complaint: the relation of a caller to it, read access, and
 * who may see or be mailed the reporter's identity. Rights follow the current assignment only.
 */
import { ombudsmanOfficeId } from './agencies';
import type { Complaint } from './complaint';
import type { StaffPrincipal } from './staff';

/** How an actor relates to one complaint; decides which rows of the table apply. */
export type Relation = 'VERIFIER' | 'ASSIGNED_OFFICER' | 'ESCALATED_OFFICER' | 'COPY_OFFICER' | 'OMBUDSMAN_OFFICER' | 'REPORTER' | 'SYSTEM' | 'NONE';

/** Who is calling, before we know their part in a complaint: a verified staff member, the bearer of a complaint's access token, or nobody. */
export type Caller = { kind: 'STAFF'; principal: StaffPrincipal } | { kind: 'TOKEN'; token: string } | { kind: 'NONE' };

/** A caller resolved against one complaint: staff, its reporter (the token matched), or the system itself. */
export type Actor = { kind: 'STAFF'; principal: StaffPrincipal } | { kind: 'REPORTER' } | { kind: 'SYSTEM' };

/**
 * How a staff member relates to a complaint. Rights follow the current assignment only: an
 * agency that transferred a complaint away, an escalation chain of an earlier assignment, an
 * account that merely carries an agency attribute (an operator) — none of them relate to it.
 */
export function relationOf(c: Complaint, actor: Actor): Relation {
  if (actor.kind === 'REPORTER') return 'REPORTER';
  if (actor.kind === 'SYSTEM') return 'SYSTEM';
  const p = actor.principal;
  if (p.roles.includes('AGENCY_OFFICER') && p.agencyId && c.assignedAgencyId) {
    if (c.assignedAgencyId === p.agencyId && ['ASSIGNED', 'IN_PROGRESS', 'RESPONDED', 'CLOSED'].includes(c.status)) return 'ASSIGNED_OFFICER';
    if (c.escalatedToAgencyIds?.includes(p.agencyId)) return 'ESCALATED_OFFICER';
    if (c.copyToAgencyIds?.includes(p.agencyId)) return 'COPY_OFFICER';
  }
  // An Ombudsman office relates to the complaints flagged for its own review, not to every one of its province.
  if (p.roles.includes('OMBUDSMAN') && p.provinceCode && c.ombudsmanReview?.office === ombudsmanOfficeId(p.provinceCode)) {
    return 'OMBUDSMAN_OFFICER';
  }
  if (p.roles.includes('VERIFIER')) return 'VERIFIER';
  return 'NONE';
}

/** Whether the actor may see the staff view of the complaint (others get the public view, or 404). */
export function canRead(c: Complaint, actor: Actor): boolean {
  return actor.kind !== 'STAFF' || relationOf(c, actor) !== 'NONE';
}

/**
 * Whether a staff member's role needs the reporter's identity (never for an anonymous one):
 * verifiers and the agencies that must answer do; copy-to agencies do not; the Ombudsman only
 * with the reporter's consent.
 */
export function mayReadIdentity(c: Complaint, actor: Actor): boolean {
  if (c.anonymous || !c.hasReporterIdentity) return false;
  switch (relationOf(c, actor)) {
    case 'VERIFIER':
    case 'ASSIGNED_OFFICER':
    case 'ESCALATED_OFFICER':
      return true;
    case 'OMBUDSMAN_OFFICER':
      return c.ombudsmanReview?.consentToShareIdentity === true;
    default:
      return false;
  }
}

/**
 * Whether an agency's mailbox may receive the reporter's identity: the agency that must answer
 * (assigned, or escalated to) does; copy-to agencies do not; the Ombudsman office only with the
 * reporter's consent; nobody for an anonymous report.
 */
export function identityMayBeMailedTo(c: Complaint, agencyId: string): boolean {
  if (c.anonymous || !c.hasReporterIdentity) return false;
  if (agencyId === c.ombudsmanReview?.office) return c.ombudsmanReview.consentToShareIdentity;
  return agencyId === c.assignedAgencyId || Boolean(c.escalatedToAgencyIds?.includes(agencyId));
}

/**
 * Whether a complaint appears in the public feed: verified (a verifier has read it, so abuse
 * and personal data in the text were screened), not confidential, not archived. A confidential
 * complaint never does, whatever its state.
 */
export function listedPublicly(c: Pick<Complaint, 'confidential' | 'status'>): boolean {
  return !c.confidential && c.status !== 'SUBMITTED' && c.status !== 'ON_HOLD' && c.status !== 'ARCHIVED';
}
