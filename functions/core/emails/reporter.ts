/**
 * The mails a reporter receives, in the language they chose with the complaint (i18n/<language>.json,
 * section "mail"): what happened, what to do next by the buttons their page shows, and a link to
 * the report. Never an API code.
 */
import { ARCHIVE_REASONS, type Complaint } from '../complaint';
import { formatDeadlineIn } from '../format';
import * as LABELS from '../labels';
import { publicComplaintLink, reporterTrackLink } from '../portal-links';
import type { RenderedEmail } from './agency-assignment';
import { simpleMail } from './simple-mail';

export type ReporterTemplate = 'REPORTER_CONFIRM_EMAIL' | 'REPORTER_VERIFIED' | 'REPORTER_HOLD' | 'REPORTER_RESPONSE' | 'REPORTER_CLOSED';

export function renderReporterMail(
  template: ReporterTemplate,
  c: Complaint,
  opts: { portalUrl: string; message?: string | undefined; confirmationCode?: string | undefined },
): RenderedEmail {
  const language = c.language ?? 'id';
  const say = (key: LABELS.MessageKey<'mail'>, params: Record<string, string | number> = {}) => LABELS.message(language, 'mail', key, params);
  /** An action as the reporter finds its button on the complaint's page. */
  const button = (action: keyof typeof LABELS.ACTION) => LABELS.ACTION[action][language];
  const id = c.trackingId;
  const link = reporterTrackLink(opts.portalUrl, id);
  const deadline = say('deadline', { date: formatDeadlineIn(language, c.deadline.date, c.deadline.timeZone), days: c.deadline.workingDays });
  const toReporter = say('greeting.reporter');
  const yourReport = say('reporter.link', { link });
  switch (template) {
    case 'REPORTER_CONFIRM_EMAIL':
      // Sent once, possibly to a stranger (anyone can type any address): nothing of the complaint but its number.
      return simpleMail(language, say('reporter.confirmEmail.subject', { id }), say('greeting.someone'), [
        say('reporter.confirmEmail.listed', { id }),
        say('reporter.confirmEmail.how', { code: opts.confirmationCode ?? '-', link, button: button('CONFIRM_EMAIL') }),
        say('reporter.confirmEmail.notYou'),
      ]);
    case 'REPORTER_VERIFIED':
      return simpleMail(language, say('reporter.verified.subject', { id }), toReporter, [
        say('reporter.verified.what', { title: c.title }),
        say('reporter.verified.due', { deadline }),
        say('reporter.verified.follow', { id, link }),
      ]);
    case 'REPORTER_HOLD':
      return simpleMail(
        language,
        say('reporter.hold.subject', { id }),
        toReporter,
        [say('reporter.hold.what', { title: c.title }), say('reporter.hold.how', { deadline, button: button('REPLY') }), yourReport],
        opts.message,
      );
    case 'REPORTER_RESPONSE':
      return simpleMail(
        language,
        say('reporter.response.subject', { id }),
        toReporter,
        [
          say('reporter.response.what', { title: c.title }),
          say('reporter.response.how', { solved: button('CONFIRM_RESOLVED'), reply: button('REPLY'), deadline }),
          yourReport,
        ],
        opts.message,
      );
    case 'REPORTER_CLOSED': {
      const reason = c.archive?.reason;
      const why =
        reason && (ARCHIVE_REASONS as readonly string[]).includes(reason) ? say(`reporter.archiveReason.${reason}`) : say('reporter.archiveReason.other');
      const how =
        c.status === 'ARCHIVED'
          ? say('reporter.closed.archived', { reason: `${why}${c.archive?.duplicateOf ? ` (${c.archive.duplicateOf})` : ''}` })
          : c.closure?.how === 'NO_REPLY_FROM_REPORTER'
            ? say('reporter.closed.noReply')
            : say('reporter.closed.thanks');
      const merged = c.archive?.reason === 'DUPLICATE' ? c.archive.duplicateOf : undefined;
      return simpleMail(language, say('reporter.closed.subject', { id, status: LABELS.STATUS[c.status][language] }), toReporter, [
        say('reporter.closed.what', { title: c.title, how }),
        ...(c.status === 'CLOSED' ? [say('reporter.closed.rate', { rate: button('RATE'), reopen: button('REOPEN') })] : []),
        yourReport,
        ...(merged ? [say('reporter.closed.merged', { into: merged, link: publicComplaintLink(opts.portalUrl, merged) })] : []),
      ]);
    }
  }
}
