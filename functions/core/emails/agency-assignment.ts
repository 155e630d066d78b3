import type { Agency } from '../agencies';
import type { Category } from '../categories';
import type { Complaint, ReporterIdentity } from '../complaint';
import { escapeHtml, formatDateId, formatDeadlineId, oneLine, plainText, quoted } from '../format';
import * as LABELS from '../labels';
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
}

/** What the reader does next, as numbered steps. */
function stepsFor(audience: 'AGENCY' | 'OMBUDSMAN'): string[] {
  return audience === 'OMBUDSMAN'
    ? [
        'masuk dengan akun Ombudsman kantor Anda.',
        'Periksa riwayat penanganan, tenggat yang terlewati dan tanggapan instansi.',
        'Putuskan: ambil alih pemeriksaan, kembalikan kepada instansi dengan saran tindakan korektif dan batas waktunya, atau tutup pemeriksaan dengan alasannya.',
      ]
    : [
        'masuk dengan akun petugas instansi Anda.',
        'Tandai laporan sedang diproses, lalu kirim tindak lanjut kepada pelapor sebelum batas waktu.',
        'Jika laporan bukan kewenangan instansi Anda, nyatakan "bukan wewenang" beserta alasannya agar laporan dilimpahkan — jangan diabaikan.',
      ];
}

/** The disposition email an agency receives (Indonesian). All citizen text is escaped. */
export function renderAgencyAssignment(input: AgencyAssignmentInput): RenderedEmail {
  const { complaint: c, agency, category, region, portalUrl } = input;
  if (c.anonymous && input.reporter) throw new Error('refusing to render an anonymous reporter identity');
  const deadline = c.deadline.stage === 'FOLLOW_UP' ? formatDeadlineId(c.deadline.date, c.deadline.timeZone) : '-';
  const link = staffCaseLink(portalUrl, c.trackingId);
  const reporterLines: [string, string][] = c.anonymous
    ? [['Pelapor', 'Anonim (identitas dirahasiakan oleh sistem)']]
    : input.withholdIdentity
      ? [['Pelapor', 'Identitas hanya dibagikan dengan persetujuan pelapor']]
      : [
          ['Nama pelapor', input.reporter?.name ?? '-'],
          ['Email pelapor', input.reporter?.email ?? '-'],
          ['Telepon pelapor', input.reporter?.phone ?? '-'],
        ];
  const location = [c.location.address, region?.name ?? c.location.regionCode].filter(Boolean).join(', ');
  const coordinates = c.location.latitude !== undefined && c.location.longitude !== undefined ? `${c.location.latitude}, ${c.location.longitude}` : undefined;
  const rows: [string, string][] = [
    ['Nomor pelacakan', c.trackingId],
    ['Jenis laporan', LABELS.TYPE[c.type].id],
    ['Kategori', category.name],
    ['Judul', c.title],
    ['Lokasi', location],
    ...(coordinates ? ([['Koordinat', coordinates]] as [string, string][]) : []),
    ...(c.incidentDate ? ([['Tanggal kejadian', formatDateId(c.incidentDate)]] as [string, string][]) : []),
    ...((input.audience ?? 'AGENCY') === 'AGENCY'
      ? ([['Batas waktu tindak lanjut', `${deadline} (${c.deadline.workingDays} hari kerja)`]] as [string, string][])
      : []),
    ...reporterLines,
  ];
  const confidentialNote = c.confidential ? 'Laporan ini RAHASIA: jangan dipublikasikan atau diteruskan di luar petugas yang menangani.' : undefined;
  const audience = input.audience ?? 'AGENCY';
  const [first, ...steps] = stepsFor(audience);
  const howToTitle = audience === 'OMBUDSMAN' ? 'Cara meninjau' : 'Cara menindaklanjuti';
  const howTo = [`${howToTitle}:`, `1. Buka laporan di ${link} dan ${first}`, ...steps.map((st, i) => `${i + 2}. ${st}`)];

  const intro = input.intro ?? 'Sebuah laporan masyarakat telah didisposisikan kepada instansi Anda.';
  const subject = oneLine(`[Aduan ${c.trackingId}] ${input.subjectPrefix ?? 'Disposisi laporan baru'}: ${c.title}`);
  const text = [
    `Yth. ${agency.name},`,
    '',
    plainText(intro),
    ...(confidentialNote ? ['', confidentialNote] : []),
    '',
    ...rows.map(([k, v]) => `${k}: ${oneLine(v)}`),
    '',
    'Uraian laporan:',
    quoted(c.description),
    '',
    ...howTo,
    '',
    'Email ini dikirim otomatis oleh sistem Aduan. Mohon tidak membalas email ini.',
  ].join('\n');

  const html = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">
<p>Yth. ${escapeHtml(agency.name)},</p>
<p>${escapeHtml(intro)}</p>
${confidentialNote ? `<p style="color:#b00020"><strong>${escapeHtml(confidentialNote)}</strong></p>` : ''}
<table cellpadding="4" style="border-collapse:collapse">
${rows.map(([k, v]) => `<tr><th align="left" valign="top">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n')}
</table>
<h3>Uraian laporan</h3>
<p style="white-space:pre-wrap">${escapeHtml(c.description)}</p>
<h3>${howToTitle}</h3>
<ol>
<li>Buka laporan di <a href="${escapeHtml(link)}">${escapeHtml(link)}</a> dan ${escapeHtml(first ?? '')}</li>
${steps.map((st) => `<li>${escapeHtml(st)}</li>`).join('\n')}
</ol>
<p style="color:#666">Email ini dikirim otomatis oleh sistem Aduan. Mohon tidak membalas email ini.</p>
</body></html>`;
  return { subject, text, html };
}
