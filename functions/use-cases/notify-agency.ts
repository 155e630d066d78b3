import { agencyEmail, findAgency } from '../core/agencies';
import { findCategory } from '../core/categories';
import { renderAgencyAssignment } from '../core/emails/agency-assignment';
import type { QueueMessage } from '../core/ports';
import { resolveRegion } from '../core/regions';
import type { Deps } from './deps';

type NotifyMessage = Extract<QueueMessage, { kind: 'NOTIFY_AGENCY_ASSIGNED' }>;

export type NotifyOutcome = { sent: true; to: string; messageId: string } | { sent: false; reason: string };

/** Emails the disposition to the agency. Never loads the identity of an anonymous reporter. */
export async function notifyAgencyAssigned(deps: Deps, msg: NotifyMessage): Promise<NotifyOutcome> {
  const stored = await deps.store.get(msg.trackingId);
  if (!stored) return { sent: false, reason: 'complaint not found' };
  const c = stored.complaint;
  if (c.assignedAgencyId !== msg.agencyId) return { sent: false, reason: 'complaint is no longer assigned to this agency' };
  const agency = findAgency(msg.agencyId);
  const category = findCategory(c.categoryId);
  if (!agency || !category) throw new Error(`reference data missing for ${msg.trackingId}`);
  const reporter = !c.anonymous && c.hasReporterIdentity ? await deps.store.getReporter(c.trackingId) : undefined;
  const email = renderAgencyAssignment({
    complaint: c,
    agency,
    category,
    region: resolveRegion(c.location.regionCode),
    reporter,
    portalUrl: deps.portalUrl,
  });
  const to = agencyEmail(agency.id, deps.agencyEmail);
  const { messageId } = await deps.mailer.send(to, email);
  await deps.store.markAgencyNotified(c.trackingId, agency.id, deps.clock.now().toISOString());
  deps.logger.info('agency notified', { trackingId: c.trackingId, agencyId: agency.id, messageId });
  return { sent: true, to, messageId };
}
