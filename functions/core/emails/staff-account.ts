/**
 * The mails a staff account's person receives: the invitation (or a new temporary password) with
 * what to do first, and a notice of every other change made to their account, in the person's
 * language (their profile's; chosen at the invitation).
 */
import { findAgency } from '../agencies';
import { escapeHtml, oneLine } from '../format';
import * as LABELS from '../labels';
import { CATALOGUES, LANGUAGES, type Language, type MessageKey, message } from '../languages';
import { staffSignInLink } from '../portal-links';
import { provinces } from '../regions';
import { STAFF_GROUPS } from '../staff';
import { type Placement, roleOfGroup, type StaffChange } from '../staff-accounts';
import type { RenderedEmail } from './agency-assignment';

/** A fact of the mail: label, value, and whether the value is to be typed (shown as code). */
type Row = [string, string] | [string, string, 'code'];

/** One staff mail as text and as HTML (every value escaped): greeting, intro, facts, numbered steps, closing, in the person's language. */
function staffMail(
  language: Language,
  m: {
    subject: string;
    name: string;
    intro: string;
    rows: Row[];
    steps?: { title: string; items: string[]; link: string };
    closing: string;
  },
) {
  const greeting = say(language, 'greeting', { name: oneLine(m.name) });
  const footer = say(language, 'footer');
  const text = [
    greeting,
    '',
    m.intro,
    '',
    ...m.rows.map(([k, v]) => `${k}: ${oneLine(v)}`),
    ...(m.steps ? ['', `${m.steps.title}:`, ...m.steps.items.map((s, i) => `${i + 1}. ${s}`)] : []),
    '',
    m.closing,
    '',
    footer,
  ].join('\n');
  const cell = ([, v, kind]: Row) => (kind === 'code' ? `<code>${escapeHtml(v)}</code>` : escapeHtml(v));
  const linked = (s: string, link: string) => escapeHtml(s).replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`);
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(m.subject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(say(language, 'greeting', { name: m.name }))}</p>
<p>${escapeHtml(m.intro)}</p>
<table cellpadding="4" style="border-collapse:collapse">
${m.rows.map((r) => `<tr><th align="left" valign="top">${escapeHtml(r[0])}</th><td>${cell(r)}</td></tr>`).join('\n')}
</table>
${m.steps ? `<h3>${escapeHtml(m.steps.title)}</h3>\n<ol>\n${m.steps.items.map((s) => `<li>${linked(s, m.steps?.link ?? '')}</li>`).join('\n')}\n</ol>` : ''}
<p>${escapeHtml(m.closing)}</p>
<p style="color:#666">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject: m.subject, text, html };
}

/** A text of the staff mails (i18n/<language>.json, mail.staff) in the person's language. */
const say = (language: Language, key: StaffMailKey, params: Record<string, string | number> = {}) => message(language, 'mail', `staff.${key}`, params);
type StaffMailKey = MessageKey<'mail'> extends infer K ? (K extends `staff.${infer Rest}` ? Rest : never) : never;

/** A moment as the person reads it, in Jakarta time. */
const momentIn = (language: Language, iso: string) =>
  say(language, 'at', {
    time: new Intl.DateTimeFormat(CATALOGUES[language].locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso)),
  });

/** "Admin instansi — Pemerintah Kabupaten Badung" (in the reader's language; Indonesian by default). */
export function placementText(p: Placement, language: Language = 'id'): string {
  const role = LABELS.ROLE[roleOfGroup(p.group)][language];
  const where = p.agencyId
    ? (findAgency(p.agencyId)?.name ?? p.agencyId)
    : p.provinceCode
      ? provinces.find((pr) => pr.code === p.provinceCode)?.name
      : undefined;
  return where ? `${role} — ${where}` : role;
}

/** What a new person does first, in order, by the group they join. */
function firstSteps(language: Language, p: Placement, signIn: string): string[] {
  const start = say(language, 'invitation.signIn', { link: signIn });
  if (p.group === STAFF_GROUPS.SERVICE_ADMIN)
    return [start, say(language, 'invitation.adminDesk'), say(language, 'invitation.adminInvite'), say(language, 'invitation.adminStandards')];
  if (p.group === STAFF_GROUPS.AGENCY_OFFICER) return [start, say(language, 'invitation.officerInbox')];
  return [start];
}

export interface StaffInvitationInput {
  name: string;
  username: string;
  placement: Placement;
  temporaryPassword: string;
  /** When the temporary password stops working (the pool's validity). */
  expiresAt: string;
  portalUrl: string;
  /** A new temporary password for an existing account (resent invitation, reset password). */
  again?: boolean;
  /** The person's language (their profile's; Indonesian when none). */
  language?: Language;
}

/** The invitation: the username, the temporary password and until when it works, and the first steps. */
export function renderStaffInvitation(input: StaffInvitationInput): RenderedEmail {
  const language = input.language ?? 'id';
  const signIn = staffSignInLink(input.portalUrl);
  const placement = placementText(input.placement, language);
  const rows: Row[] = [
    [say(language, 'invitation.username'), input.username],
    [say(language, 'invitation.password'), input.temporaryPassword, 'code'],
    [say(language, 'invitation.validUntil'), momentIn(language, input.expiresAt)],
    [say(language, 'invitation.role'), placement],
  ];
  return staffMail(language, {
    subject: oneLine(input.again ? say(language, 'invitation.subjectAgain') : say(language, 'invitation.subject', { placement })),
    name: input.name,
    intro: input.again ? say(language, 'invitation.introAgain') : say(language, 'invitation.intro', { placement }),
    rows,
    steps: { title: say(language, 'invitation.firstSteps'), items: firstSteps(language, input.placement, signIn), link: signIn },
    closing: say(language, 'invitation.closing'),
  });
}

/** Every other change of an account, told to its person in their language: what changed, by whom, when. */
export function renderStaffNotice(input: { name: string; change: StaffChange; portalUrl: string; language?: Language | undefined }): RenderedEmail {
  const { change } = input;
  const language = input.language ?? 'id';
  const what = LABELS.STAFF_CHANGE[change.action][language];
  const rows: Row[] = [
    [say(language, 'notice.change'), what],
    ...(change.before && change.after && (change.before.group !== change.after.group || change.before.agencyId !== change.after.agencyId)
      ? ([
          [say(language, 'notice.before'), placementText(change.before, language)],
          [say(language, 'notice.after'), placementText(change.after, language)],
        ] as [string, string][])
      : []),
    [say(language, 'notice.by'), change.by],
    [say(language, 'notice.when'), momentIn(language, change.at)],
  ];
  return staffMail(language, {
    subject: oneLine(say(language, 'notice.subject', { what })),
    name: input.name,
    intro: say(language, 'notice.intro'),
    rows,
    closing: change.action === 'DISABLE' ? say(language, 'notice.disabled') : say(language, 'notice.other', { link: staffSignInLink(input.portalUrl) }),
  });
}

/**
 * The mail Cognito sends with a forgotten password's code (the user pool's verification
 * template: `{####}` is the code; Cognito keeps a code one hour), in every language, since the
 * template is one for the whole pool. Locally the same text is
 * delivered to the SES emulator (local/staff-seed.ts).
 */
export const PASSWORD_RESET_CODE_MAIL = {
  subject: `[Aduan] ${CATALOGUES.id.mail.staff.resetCode.subject} / ${CATALOGUES.en.mail.staff.resetCode.subject}`,
  // One template serves the whole pool, so it speaks every language the system does; the code (which
  // Cognito fills in once) comes first.
  body: [
    `${LANGUAGES.map((l) => CATALOGUES[l].mail.staff.resetCode.code).join(' / ')}: {####}`,
    ...LANGUAGES.map((l) => CATALOGUES[l].mail.staff.resetCode.body),
  ].join('\n\n'),
} as const;
