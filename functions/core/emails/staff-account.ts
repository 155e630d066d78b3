/**
 * The mails a staff account's person receives: the invitation (or a new temporary password) with
 * what to do first, and a notice of every other change made to their account. Indonesian.
 */
import { findAgency } from '../agencies';
import { escapeHtml, oneLine } from '../format';
import * as LABELS from '../labels';
import { staffSignInLink } from '../portal-links';
import { provinces } from '../regions';
import { STAFF_GROUPS } from '../staff';
import { type Placement, roleOfGroup, type StaffChange } from '../staff-accounts';
import type { RenderedEmail } from './agency-assignment';

const FOOTER = 'Email ini dikirim otomatis oleh sistem Aduan. Mohon tidak membalas email ini.';

/** A fact of the mail: label, value, and whether the value is to be typed (shown as code). */
type Row = [string, string] | [string, string, 'code'];

/** One staff mail as text and as HTML (every value escaped): greeting, intro, facts, numbered steps, closing. */
function staffMail(m: {
  subject: string;
  name: string;
  intro: string;
  rows: Row[];
  steps?: { title: string; items: string[]; link: string };
  closing: string;
}) {
  const text = [
    `Yth. ${oneLine(m.name)},`,
    '',
    m.intro,
    '',
    ...m.rows.map(([k, v]) => `${k}: ${oneLine(v)}`),
    ...(m.steps ? ['', `${m.steps.title}:`, ...m.steps.items.map((s, i) => `${i + 1}. ${s}`)] : []),
    '',
    m.closing,
    '',
    FOOTER,
  ].join('\n');
  const cell = ([, v, kind]: Row) => (kind === 'code' ? `<code>${escapeHtml(v)}</code>` : escapeHtml(v));
  const linked = (s: string, link: string) => escapeHtml(s).replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`);
  const html = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(m.subject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">
<p>Yth. ${escapeHtml(m.name)},</p>
<p>${escapeHtml(m.intro)}</p>
<table cellpadding="4" style="border-collapse:collapse">
${m.rows.map((r) => `<tr><th align="left" valign="top">${escapeHtml(r[0])}</th><td>${cell(r)}</td></tr>`).join('\n')}
</table>
${m.steps ? `<h3>${escapeHtml(m.steps.title)}</h3>\n<ol>\n${m.steps.items.map((s) => `<li>${linked(s, m.steps?.link ?? '')}</li>`).join('\n')}\n</ol>` : ''}
<p>${escapeHtml(m.closing)}</p>
<p style="color:#666">${FOOTER}</p>
</body></html>`;
  return { subject: m.subject, text, html };
}

/** "Admin instansi — Pemerintah Kabupaten Badung" */
export function placementText(p: Placement): string {
  const role = LABELS.ROLE[roleOfGroup(p.group)].id;
  const where = p.agencyId
    ? (findAgency(p.agencyId)?.name ?? p.agencyId)
    : p.provinceCode
      ? provinces.find((pr) => pr.code === p.provinceCode)?.name
      : undefined;
  return where ? `${role} — ${where}` : role;
}

/** What a new person does first, in order, by the group they join. */
function firstSteps(p: Placement, signIn: string): string[] {
  const start = `Masuk di ${signIn} dengan nama pengguna dan kata sandi sementara di atas, lalu buat kata sandi Anda sendiri (dan pasang aplikasi autentikator bila diminta).`;
  if (p.group === STAFF_GROUPS.SERVICE_ADMIN)
    return [
      start,
      'Periksa alamat email pengaduan instansi Anda bersama operator: disposisi laporan dikirim ke sana.',
      'Undang petugas yang menangani pengaduan (menu Akun petugas), satu per satu atau lewat impor spreadsheet.',
      'Terbitkan standar pelayanan setiap layanan instansi Anda dengan 14 komponennya (menu Standar pelayanan).',
    ];
  if (p.group === STAFF_GROUPS.AGENCY_OFFICER) return [start, 'Buka kotak masuk instansi Anda dan tindak lanjuti laporan sebelum tenggatnya.'];
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
}

/** The invitation: the username, the temporary password and until when it works, and the first steps. */
export function renderStaffInvitation(input: StaffInvitationInput): RenderedEmail {
  const signIn = staffSignInLink(input.portalUrl);
  const expires = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(input.expiresAt));
  const placement = placementText(input.placement);
  const intro = input.again
    ? 'Kata sandi sementara baru untuk akun petugas Anda di Aduan telah dibuat.'
    : `Anda diundang ke Aduan, sistem pengelolaan pengaduan pelayanan publik, sebagai ${placement}.`;
  const subject = oneLine(input.again ? '[Aduan] Kata sandi sementara baru untuk akun Anda' : `[Aduan] Undangan akun petugas: ${placement}`);
  const rows: Row[] = [
    ['Nama pengguna', input.username],
    ['Kata sandi sementara', input.temporaryPassword, 'code'],
    ['Berlaku sampai', `${expires} WIB`],
    ['Peran', placement],
  ];
  return staffMail({
    subject,
    name: input.name,
    intro,
    rows,
    steps: { title: 'Langkah pertama', items: firstSteps(input.placement, signIn), link: signIn },
    closing: 'Jangan teruskan email ini: kata sandi sementara hanya untuk Anda. Bila tidak merasa diundang, abaikan email ini.',
  });
}

/** Every other change of an account, told to its person: what changed, by whom, when. */
export function renderStaffNotice(input: { name: string; change: StaffChange; portalUrl: string }): RenderedEmail {
  const { change } = input;
  const what = LABELS.STAFF_CHANGE[change.action].id;
  const at = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(change.at));
  const rows: Row[] = [
    ['Perubahan', what],
    ...(change.before && change.after && (change.before.group !== change.after.group || change.before.agencyId !== change.after.agencyId)
      ? ([
          ['Sebelumnya', placementText(change.before)],
          ['Sekarang', placementText(change.after)],
        ] as [string, string][])
      : []),
    ['Oleh', change.by],
    ['Waktu', `${at} WIB`],
  ];
  const closing =
    change.action === 'DISABLE'
      ? 'Akun Anda tidak dapat lagi dipakai untuk masuk. Bila ini keliru, hubungi admin instansi atau operator Aduan.'
      : `Masuk di ${staffSignInLink(input.portalUrl)}. Bila Anda tidak mengenali perubahan ini, hubungi operator Aduan.`;
  return staffMail({
    subject: oneLine(`[Aduan] Akun petugas Anda: ${what}`),
    name: input.name,
    intro: 'Akun petugas Anda di Aduan telah diubah.',
    rows,
    closing,
  });
}

/**
 * The mail Cognito sends with a forgotten password's code (the user pool's verification
 * template: `{####}` is the code; Cognito keeps a code one hour). Locally the same text is
 * delivered to the SES emulator (local/staff-seed.ts).
 */
export const PASSWORD_RESET_CODE_MAIL = {
  subject: '[Aduan] Kode atur ulang kata sandi',
  body: 'Kode untuk mengatur ulang kata sandi akun petugas Aduan Anda: {####}. Kode berlaku 1 jam. Bila Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.',
} as const;
