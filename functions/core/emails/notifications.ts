import type { Agency } from '../agencies';
import type { Category } from '../categories';
import type { Complaint, ReporterIdentity } from '../complaint';
import { formatDeadlineIn, quoted } from '../format';
import { REVIEW_GROUND } from '../labels';
import type { Language } from '../languages';
import type { NotificationTemplate } from '../notifications';
import { staffCaseLink } from '../portal-links';
import type { ResolvedRegion } from '../regions';
import { agencyWords, type RenderedEmail, renderAgencyAssignment } from './agency-assignment';
import { renderReporterMail } from './reporter';
import { simpleMail } from './simple-mail';

export interface NotificationInput {
  template: NotificationTemplate;
  complaint: Complaint;
  category: Category;
  region: ResolvedRegion | undefined;
  /** The agency the mail goes to (agency templates). */
  agency?: Agency;
  /** Only for a non-anonymous complaint; agency mails never get it otherwise. */
  reporter?: ReporterIdentity;
  message?: string;
  /** REPORTER_CONFIRM_EMAIL: the code that confirms the address. */
  confirmationCode?: string;
  portalUrl: string;
  /** The language of the desk an agency or staff mail goes to (its directory entry's; Indonesian when none). */
  agencyLanguage?: Language;
}

/** The agency templates: each a subject and an opening in the files (mail.agency.templates). */
type AgencyTemplate = Extract<
  NotificationTemplate,
  | 'AGENCY_ASSIGNED'
  | 'AGENCY_TRANSFER_IN'
  | 'AGENCY_REPORTER_REPLY'
  | 'AGENCY_REOPENED'
  | 'AGENCY_REMINDER'
  | 'AGENCY_ESCALATED_TO'
  | 'AGENCY_ESCALATION_NOTICE'
  | 'AGENCY_OMBUDSMAN_ACTION'
  | 'OMBUDSMAN_FLAGGED'
>;

/** Every mail the lifecycle sends: to agencies and staff in their desk's language, to the reporter in theirs (reporter.ts). */
export function renderNotification(n: NotificationInput): RenderedEmail {
  const c = n.complaint;
  const language = n.agencyLanguage ?? 'id';
  const say = agencyWords(language);
  const deadline = say('deadline', { date: formatDeadlineIn(language, c.deadline.date, c.deadline.timeZone), days: c.deadline.workingDays });
  const agencyMail = (
    template: AgencyTemplate,
    params: Record<string, string | number>,
    opts: { withholdIdentity?: boolean; messageLabel?: 'reporterMessage' | 'ombudsmanDecision'; audience?: 'AGENCY' | 'OMBUDSMAN' } = {},
  ) => {
    if (!n.agency) throw new Error(`${n.template} needs an agency`);
    const intro = say(`templates.${template}.intro`, params);
    return renderAgencyAssignment({
      complaint: c,
      agency: n.agency,
      category: n.category,
      region: n.region,
      reporter: c.anonymous || opts.withholdIdentity ? undefined : n.reporter,
      portalUrl: n.portalUrl,
      intro: n.message ? `${intro}\n\n${say(opts.messageLabel ?? 'reporterMessage')}:\n${quoted(n.message)}` : intro,
      subjectPrefix: say(`templates.${template}.subject`),
      language,
      ...(opts.withholdIdentity ? { withholdIdentity: true } : {}),
      ...(opts.audience ? { audience: opts.audience } : {}),
    });
  };
  const level = c.escalationLevel ?? 0;
  switch (n.template) {
    case 'AGENCY_ASSIGNED':
    case 'AGENCY_TRANSFER_IN':
    case 'AGENCY_REPORTER_REPLY':
    case 'AGENCY_REOPENED':
    case 'AGENCY_REMINDER':
    case 'AGENCY_ESCALATED_TO':
    case 'AGENCY_ESCALATION_NOTICE':
      return agencyMail(n.template, { deadline, level });
    case 'AGENCY_OMBUDSMAN_ACTION':
      return agencyMail(n.template, {}, { messageLabel: 'ombudsmanDecision' });
    case 'OMBUDSMAN_FLAGGED':
      return agencyMail(
        n.template,
        { reasons: (c.ombudsmanReview?.reasons ?? []).map((r) => REVIEW_GROUND[r]?.[language] ?? r).join('; ') },
        { withholdIdentity: !c.ombudsmanReview?.consentToShareIdentity, audience: 'OMBUDSMAN' },
      );
    case 'SUPERVISOR_UNVERIFIED':
      return simpleMail(language, say('supervisor.subject', { id: c.trackingId }), say('supervisor.greeting'), [
        say('supervisor.late', { title: c.title, id: c.trackingId, deadline: formatDeadlineIn(language, c.deadline.date, c.deadline.timeZone) }),
        say('supervisor.act', { link: staffCaseLink(n.portalUrl, c.trackingId) }),
      ]);
    case 'REPORTER_CONFIRM_EMAIL':
    case 'REPORTER_VERIFIED':
    case 'REPORTER_HOLD':
    case 'REPORTER_RESPONSE':
    case 'REPORTER_CLOSED':
      return renderReporterMail(n.template, c, { portalUrl: n.portalUrl, message: n.message, confirmationCode: n.confirmationCode });
  }
}
