import type { Agency } from '../agencies';
import { findAgency } from '../agencies';
import type { Complaint } from '../complaint';
import { escapeHtml, formatDateId, plainText } from '../format';
import { REVIEW_GROUND } from '../labels';
import { staffCaseLink, staffInboxLink } from '../portal-links';
import type { RenderedEmail } from './agency-assignment';

/** How far it was escalated, in words; nothing when it never was. */
const escalated = (level: number) => (level > 0 ? `; dieskalasi ${level} tingkat ke atas` : '');

/** The daily list of new review flags an Ombudsman office receives. No reporter identity. */
export function renderOmbudsmanDigest(office: Agency, date: string, complaints: Complaint[], portalUrl: string): RenderedEmail {
  const rows = complaints.map((c) => ({
    id: c.trackingId,
    title: c.title,
    agency: c.assignedAgencyId ? (findAgency(c.assignedAgencyId)?.name ?? c.assignedAgencyId) : 'belum didisposisikan',
    reasons: (c.ombudsmanReview?.reasons ?? []).map((r) => REVIEW_GROUND[r].id).join('; '),
    escalation: c.escalationLevel ?? 0,
    link: staffCaseLink(portalUrl, c.trackingId),
  }));
  const subject = `[Aduan] Ringkasan harian ${office.name}: ${complaints.length} laporan baru untuk ditinjau (${formatDateId(date)})`;
  const text = [
    `Yth. ${office.name},`,
    '',
    `${complaints.length} laporan baru memerlukan peninjauan Ombudsman:`,
    '',
    ...rows.map(
      (r, i) => `${i + 1}. ${r.id} — ${plainText(r.title)}\n   Instansi: ${r.agency}${escalated(r.escalation)}\n   Alasan: ${r.reasons}\n   ${r.link}`,
    ),
    '',
    `Antrean lengkap: ${staffInboxLink(portalUrl)} (masuk dengan akun Ombudsman Anda).`,
    'Email ini dikirim otomatis oleh sistem Aduan.',
  ].join('\n');
  const html = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">
<p>Yth. ${escapeHtml(office.name)},</p>
<p>${complaints.length} laporan baru memerlukan peninjauan Ombudsman:</p>
<table cellpadding="4" style="border-collapse:collapse">
<tr><th align="left">Nomor</th><th align="left">Judul</th><th align="left">Instansi</th><th align="left">Alasan</th></tr>
${rows.map((r) => `<tr><td><a href="${escapeHtml(r.link)}">${escapeHtml(r.id)}</a></td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(r.agency)}${escapeHtml(escalated(r.escalation))}</td><td>${escapeHtml(r.reasons)}</td></tr>`).join('\n')}
</table>
<p>Antrean lengkap: <a href="${escapeHtml(staffInboxLink(portalUrl))}">${escapeHtml(staffInboxLink(portalUrl))}</a> (masuk dengan akun Ombudsman Anda).</p>
<p style="color:#666">Email ini dikirim otomatis oleh sistem Aduan.</p>
</body></html>`;
  return { subject, text, html };
}
