import type { Agency } from '../agencies';
import { findAgency } from '../agencies';
import type { Complaint } from '../complaint';
import { escapeHtml, formatDateIn, plainText } from '../format';
import { REVIEW_GROUND } from '../labels';
import type { Language } from '../languages';
import { staffCaseLink, staffInboxLink } from '../portal-links';
import { agencyWords, type RenderedEmail } from './agency-assignment';

/** The daily list of new review flags an Ombudsman office receives, in its desk's language. No reporter identity. */
export function renderOmbudsmanDigest(office: Agency, date: string, complaints: Complaint[], portalUrl: string, language: Language = 'id'): RenderedEmail {
  const say = agencyWords(language);
  // How far it was escalated, in words; nothing when it never was.
  const escalated = (levels: number) => (levels > 0 ? say('digest.escalated', { levels }) : '');
  const rows = complaints.map((c) => ({
    id: c.trackingId,
    title: c.title,
    agency: c.assignedAgencyId ? (findAgency(c.assignedAgencyId)?.name ?? c.assignedAgencyId) : say('digest.unassigned'),
    reasons: (c.ombudsmanReview?.reasons ?? []).map((r) => REVIEW_GROUND[r][language]).join('; '),
    escalation: c.escalationLevel ?? 0,
    link: staffCaseLink(portalUrl, c.trackingId),
  }));
  const count = complaints.length;
  const subject = say('digest.subject', { office: office.name, count, date: formatDateIn(language, date) });
  const greeting = say('greeting', { name: office.name });
  const lead = say('digest.lead', { count });
  const inbox = staffInboxLink(portalUrl);
  const footer = say('footer');
  const text = [
    greeting,
    '',
    lead,
    '',
    ...rows.map(
      (r, i) =>
        `${i + 1}. ${r.id} — ${plainText(r.title)}\n   ${say('digest.agency')}: ${r.agency}${escalated(r.escalation)}\n   ${say('digest.reasons')}: ${r.reasons}\n   ${r.link}`,
    ),
    '',
    say('digest.queue', { link: inbox }),
    footer,
  ].join('\n');
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(lead)}</p>
<table cellpadding="4" style="border-collapse:collapse">
<tr>${(['digest.number', 'digest.titleColumn', 'digest.agency', 'digest.reasons'] as const).map((k) => `<th align="left">${escapeHtml(say(k))}</th>`).join('')}</tr>
${rows.map((r) => `<tr><td><a href="${escapeHtml(r.link)}">${escapeHtml(r.id)}</a></td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(r.agency)}${escapeHtml(escalated(r.escalation))}</td><td>${escapeHtml(r.reasons)}</td></tr>`).join('\n')}
</table>
<p>${escapeHtml(say('digest.queue', { link: inbox })).replace(escapeHtml(inbox), `<a href="${escapeHtml(inbox)}">${escapeHtml(inbox)}</a>`)}</p>
<p style="color:#666">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
