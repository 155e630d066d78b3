import type { Agency } from '../agencies';
import type { Category } from '../categories';
import type { Complaint, ReporterIdentity } from '../complaint';
import { escapeHtml, formatDateIn, formatDeadlineIn, oneLine, plainText, quoted } from '../format';
import * as LABELS from '../labels';
import { givenIn, type Language, type MessageKey, message } from '../languages';
import { staffCaseLink } from '../portal-links';
import type { ResolvedRegion } from '../regions';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface AgencyAssignmentInput {
  complaint: Complaint;
  agency: Agency;
  category: Category;
  region: ResolvedRegion | undefined;
  /** Must be undefined for an anonymous complaint; the renderer refuses otherwise. */
  reporter: ReporterIdentity | undefined;
  /** Where officers open the complaint, e.g. https://aduan.example.go.id */
  portalUrl: string;
  /** Opening sentence; defaults to a new disposition. */
  intro?: string;
  subjectPrefix?: string;
  /** For a non-anonymous complaint whose reporter did not consent to share their identity with this recipient. */
  withholdIdentity?: boolean;
  /** Who reads it: an agency that must act (default), or an Ombudsman office that reviews how it was handled. */
  audience?: 'AGENCY' | 'OMBUDSMAN';
  /** The desk's language (its directory entry's; Indonesian when none). */
  language?: Language;
}

/** The texts of the agency mails (i18n/<language>.json, mail.agency), in a desk's language. */
export const agencyWords =
  (language: Language) =>
  (key: AgencyMailKey, params: Record<string, string | number> = {}) =>
    message(language, 'mail', `agency.${key}`, params);
type AgencyMailKey = MessageKey<'mail'> extends infer K ? (K extends `agency.${infer Rest}` ? Rest : never) : never;

/** What the reader does next, as numbered steps: an agency acts, an Ombudsman office reviews. */
function stepsFor(language: Language, audience: 'AGENCY' | 'OMBUDSMAN'): string[] {
  const keys: AgencyMailKey[] =
    audience === 'OMBUDSMAN'
      ? ['steps.ombudsmanSignIn', 'steps.ombudsmanCheck', 'steps.ombudsmanDecide']
      : ['steps.signIn', 'steps.acknowledge', 'steps.transfer'];
  const say = agencyWords(language);
  return keys.map((k) => say(k));
}

/** The disposition email an agency receives, in its desk's language. All citizen text is escaped. */
export function renderAgencyAssignment(input: AgencyAssignmentInput): RenderedEmail {
  const { complaint: c, agency, category, region, portalUrl } = input;
  const language = input.language ?? 'id';
  const say = agencyWords(language);
  if (c.anonymous && input.reporter) throw new Error('refusing to render an anonymous reporter identity');
  const deadline = c.deadline.stage === 'FOLLOW_UP' ? formatDeadlineIn(language, c.deadline.date, c.deadline.timeZone) : '-';
  const link = staffCaseLink(portalUrl, c.trackingId);
  const reporterLines: [string, string][] = c.anonymous
    ? [[say('rows.reporter'), say('anonymous')]]
    : input.withholdIdentity
      ? [[say('rows.reporter'), say('withheld')]]
      : [
          [say('rows.reporterName'), input.reporter?.name ?? '-'],
          [say('rows.reporterEmail'), input.reporter?.email ?? '-'],
          [say('rows.reporterPhone'), input.reporter?.phone ?? '-'],
        ];
  const location = [c.location.address, region?.name ?? c.location.regionCode].filter(Boolean).join(', ');
  const coordinates = c.location.latitude !== undefined && c.location.longitude !== undefined ? `${c.location.latitude}, ${c.location.longitude}` : undefined;
  const audience = input.audience ?? 'AGENCY';
  const rows: [string, string][] = [
    [say('rows.trackingId'), c.trackingId],
    [say('rows.type'), LABELS.TYPE[c.type][language]],
    [say('rows.category'), givenIn(language, category.name, category.nameEn)],
    [say('rows.title'), c.title],
    [say('rows.location'), location],
    ...(coordinates ? ([[say('rows.coordinates'), coordinates]] as [string, string][]) : []),
    ...(c.incidentDate ? ([[say('rows.incidentDate'), formatDateIn(language, c.incidentDate)]] as [string, string][]) : []),
    ...(audience === 'AGENCY' ? ([[say('rows.deadline'), say('deadline', { date: deadline, days: c.deadline.workingDays })]] as [string, string][]) : []),
    ...reporterLines,
  ];
  const confidentialNote = c.confidential ? say('confidential') : undefined;
  const [first, ...steps] = stepsFor(language, audience);
  const howToTitle = say(audience === 'OMBUDSMAN' ? 'howToReview' : 'howTo');
  const opening = say('open', { link, first: first ?? '' });
  const howTo = [`${howToTitle}:`, `1. ${opening}`, ...steps.map((st, i) => `${i + 2}. ${st}`)];
  const intro = input.intro ?? say('templates.AGENCY_ASSIGNED.intro');
  const subject = oneLine(`[Aduan ${c.trackingId}] ${input.subjectPrefix ?? say('templates.AGENCY_ASSIGNED.subject')}: ${c.title}`);
  const greeting = say('greeting', { name: agency.name });
  const footer = say('footer');
  const text = [
    greeting,
    '',
    plainText(intro),
    ...(confidentialNote ? ['', confidentialNote] : []),
    '',
    ...rows.map(([k, v]) => `${k}: ${oneLine(v)}`),
    '',
    `${say('description')}:`,
    quoted(c.description),
    '',
    ...howTo,
    '',
    footer,
  ].join('\n');

  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
${confidentialNote ? `<p style="color:#b00020"><strong>${escapeHtml(confidentialNote)}</strong></p>` : ''}
<table cellpadding="4" style="border-collapse:collapse">
${rows.map(([k, v]) => `<tr><th align="left" valign="top">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n')}
</table>
<h3>${escapeHtml(say('description'))}</h3>
<p style="white-space:pre-wrap">${escapeHtml(c.description)}</p>
<h3>${escapeHtml(howToTitle)}</h3>
<ol>
<li>${escapeHtml(opening).replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`)}</li>
${steps.map((st) => `<li>${escapeHtml(st)}</li>`).join('\n')}
</ol>
<p style="color:#666">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
