import { identityMayBeMailedTo } from '../core/access';
import { type Agency, findAgency } from '../core/agencies';
import { mailboxOf, VERIFICATION_SUPERVISOR } from '../core/agency-contacts';
import { findCategory } from '../core/categories';
import { renderNotification } from '../core/emails/notifications';
import type { Language } from '../core/languages';
import { systemSentence } from '../core/languages';
import type { Complaints, NotifyMessage, Timelines } from '../core/ports';
import { resolveRegion } from '../core/regions';
import type { Deps } from './deps';

export type NotifyOutcome = { sent: true; to: string; messageId: string } | { sent: false; reason: string };

/**
 * Sends one notification. Agency mail never loads an anonymous reporter's identity; reporter
 * mail goes only to the address the reporter gave.
 */
export async function sendNotification(
  deps: Pick<Deps, 'clock' | 'contacts' | 'directory' | 'logger' | 'mailer' | 'portalUrl' | 'agencyEmailDomain'> & { store: Complaints & Timelines },
  msg: NotifyMessage,
): Promise<NotifyOutcome> {
  const stored = await deps.store.get(msg.trackingId);
  if (!stored) return { sent: false, reason: 'complaint not found' };
  const c = stored.complaint;
  const category = findCategory(c.categoryId);
  if (!category) throw new Error(`unknown category ${c.categoryId} on ${c.trackingId}`);
  const forAgency = msg.template.startsWith('AGENCY_') || msg.template.startsWith('OMBUDSMAN_');
  let to: string;
  let agencyLanguage: Language | undefined;
  let agency: Agency | undefined;
  let confirmationCode: string | undefined;
  if (msg.template === 'SUPERVISOR_UNVERIFIED') {
    ({ address: to, language: agencyLanguage } = await mailboxOf(VERIFICATION_SUPERVISOR.id, deps.agencyEmailDomain, (id) => deps.directory.contact(id)));
  } else if (forAgency) {
    agency = msg.agencyId ? findAgency(msg.agencyId) : undefined;
    if (!agency) return { sent: false, reason: `unknown agency ${msg.agencyId}` };
    ({ address: to, language: agencyLanguage } = await mailboxOf(agency.id, deps.agencyEmailDomain, (id) => deps.directory.contact(id)));
  } else {
    // Double opt-in: an address anyone could have typed gets the one confirmation mail, nothing else until confirmed.
    const confirming = msg.template === 'REPORTER_CONFIRM_EMAIL';
    if (!c.reporterEmail || (!confirming && !c.reporterEmail.confirmed)) return { sent: false, reason: 'no confirmed reporter email address' };
    const reporter = c.hasReporterIdentity ? await deps.store.getReporter(c.trackingId) : undefined;
    if (!reporter?.email) return { sent: false, reason: 'the reporter left no email address' };
    to = reporter.email;
    if (confirming) confirmationCode = deps.contacts.emailConfirmationCode(c.trackingId, reporter.email);
  }
  const reporterForAgency = agency && identityMayBeMailedTo(c, agency.id) ? await deps.store.getReporter(c.trackingId) : undefined;
  const email = renderNotification({
    template: msg.template,
    complaint: c,
    category,
    region: resolveRegion(c.location.regionCode),
    ...(agency ? { agency } : {}),
    ...(reporterForAgency ? { reporter: reporterForAgency } : {}),
    ...(msg.message ? { message: msg.message } : {}),
    ...(confirmationCode ? { confirmationCode } : {}),
    portalUrl: deps.portalUrl,
    ...(agencyLanguage ? { agencyLanguage } : {}),
  });
  const { messageId } = await deps.mailer.send(to, email);
  if (reporterForAgency && agency) {
    // A disclosure by email is a disclosure: on the record like every staff read.
    await deps.store.appendEvent(c.trackingId, {
      at: deps.clock.now().toISOString(),
      type: 'IDENTITY_READ',
      actor: { kind: 'SYSTEM' },
      agencyId: agency.id,
      ...systemSentence('identityMailed', { agency: agency.name, template: msg.template }),
      visibility: 'INTERNAL',
    });
  }
  deps.logger.info('notification sent', { trackingId: c.trackingId, template: msg.template, agencyId: agency?.id, messageId });
  return { sent: true, to: forAgency ? to : '(reporter)', messageId };
}
