import type { Agency } from '../agencies';
import type { Category } from '../categories';
import type { Complaint, ReporterIdentity } from '../complaint';
import { escapeHtml, formatDeadlineId, oneLine, plainText, quoted } from '../format';
import * as LABELS from '../labels';
import type { NotificationTemplate } from '../notifications';
import { OMBUDSMAN_REASON_LABELS } from '../ombudsman-review';
import { publicComplaintLink, reporterTrackLink, staffCaseLink } from '../portal-links';
import type { ResolvedRegion } from '../regions';
import { type RenderedEmail, renderAgencyAssignment } from './agency-assignment';

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
}

/** An action as the reporter finds its button on the complaint's page (never the API's code). */
const button = (action: keyof typeof LABELS.ACTION) => LABELS.ACTION[action].id;

const ARCHIVE_REASON_TEXT: Record<string, string> = {
  NOT_ACTIONABLE: 'laporan belum dapat ditindaklanjuti',
  OUT_OF_SCOPE: 'laporan di luar lingkup pelayanan publik',
  DUPLICATE: 'laporan sama dengan laporan lain',
  ABUSIVE: 'laporan memuat konten yang tidak pantas',
  NO_ANSWER_FROM_REPORTER: 'tidak ada jawaban atas permintaan keterangan',
};

function simple(subject: string, greeting: string, paragraphs: string[], quote?: string): RenderedEmail {
  const cleanSubject = oneLine(subject);
  const text = [
    greeting,
    '',
    ...paragraphs.flatMap((p) => [plainText(p), '']),
    ...(quote ? [quoted(quote), ''] : []),
    'Email ini dikirim otomatis oleh sistem Aduan.',
  ].join('\n');
  const html = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(cleanSubject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${quote ? `<blockquote style="white-space:pre-wrap;border-left:3px solid #ccc;padding-left:8px">${escapeHtml(quote)}</blockquote>` : ''}
<p style="color:#666">Email ini dikirim otomatis oleh sistem Aduan.</p>
</body></html>`;
  return { subject: cleanSubject, text, html };
}

/** Every mail the lifecycle sends, rendered in Indonesian. */
export function renderNotification(n: NotificationInput): RenderedEmail {
  const c = n.complaint;
  const link = reporterTrackLink(n.portalUrl, c.trackingId);
  const deadline = `${formatDeadlineId(c.deadline.date, c.deadline.timeZone)} (${c.deadline.workingDays} hari kerja)`;
  const agencyMail = (
    intro: string,
    subjectPrefix: string,
    opts: { withholdIdentity?: boolean; messageLabel?: string; audience?: 'AGENCY' | 'OMBUDSMAN' } = {},
  ) => {
    if (!n.agency) throw new Error(`${n.template} needs an agency`);
    return renderAgencyAssignment({
      complaint: c,
      agency: n.agency,
      category: n.category,
      region: n.region,
      reporter: c.anonymous || opts.withholdIdentity ? undefined : n.reporter,
      portalUrl: n.portalUrl,
      intro: n.message ? `${intro}\n\n${opts.messageLabel ?? 'Pesan pelapor'}:\n${quoted(n.message)}` : intro,
      subjectPrefix,
      ...(opts.withholdIdentity ? { withholdIdentity: true } : {}),
      ...(opts.audience ? { audience: opts.audience } : {}),
    });
  };
  const level = c.escalationLevel ?? 0;
  const toReporter = 'Yth. Pelapor,';
  switch (n.template) {
    case 'AGENCY_ASSIGNED':
      return agencyMail('Sebuah laporan masyarakat telah didisposisikan kepada instansi Anda.', 'Disposisi laporan baru');
    case 'AGENCY_TRANSFER_IN':
      return agencyMail('Laporan ini dilimpahkan kepada instansi Anda setelah instansi sebelumnya menyatakan bukan wewenangnya.', 'Pelimpahan laporan');
    case 'AGENCY_REPORTER_REPLY':
      return agencyMail('Pelapor menanggapi tindak lanjut instansi Anda. Mohon tindak lanjuti kembali sebelum batas waktu.', 'Tanggapan pelapor');
    case 'AGENCY_REOPENED':
      return agencyMail('Pelapor belum puas dan membuka kembali laporan ini. Mohon tindak lanjuti kembali sebelum batas waktu.', 'Laporan dibuka kembali');
    case 'AGENCY_REMINDER':
      return agencyMail(
        `Pengingat: batas waktu tindak lanjut laporan ini ${deadline}. Tanpa tindak lanjut, laporan dieskalasi ke instansi induk.`,
        'Pengingat batas waktu',
      );
    case 'AGENCY_ESCALATED_TO':
      return agencyMail(
        `Instansi di bawah Anda melewati batas waktu tindak lanjut laporan ini. Laporan dieskalasi (tingkat ${level}) kepada Anda: mohon pastikan ditindaklanjuti sebelum ${deadline}. Instansi pelaksana tetap bertanggung jawab.`,
        'Eskalasi laporan',
      );
    case 'AGENCY_ESCALATION_NOTICE':
      return agencyMail(
        `Batas waktu tindak lanjut terlewati; laporan telah dieskalasi ke instansi induk (tingkat ${level}). Instansi Anda tetap menangani laporan ini: tindak lanjuti sebelum ${deadline}.`,
        'Batas waktu terlewati',
      );
    case 'AGENCY_OMBUDSMAN_ACTION':
      return agencyMail('Ombudsman RI menindaklanjuti peninjauan atas laporan ini.', 'Tindakan Ombudsman', { messageLabel: 'Keputusan Ombudsman' });
    case 'OMBUDSMAN_FLAGGED':
      return agencyMail(
        `Laporan ini diteruskan kepada kantor Anda untuk ditinjau: ${(c.ombudsmanReview?.reasons ?? []).map((r) => OMBUDSMAN_REASON_LABELS[r] ?? r).join('; ')}.`,
        'Peninjauan Ombudsman',
        { withholdIdentity: !c.ombudsmanReview?.consentToShareIdentity, audience: 'OMBUDSMAN' },
      );
    case 'SUPERVISOR_UNVERIFIED':
      return simple(`[Aduan ${c.trackingId}] Laporan belum diverifikasi melewati batas waktu`, 'Yth. Supervisor Verifikasi Nasional,', [
        `Laporan "${c.title}" (${c.trackingId}) belum diverifikasi hingga melewati batas waktu ${formatDeadlineId(c.deadline.date, c.deadline.timeZone)}.`,
        `Mohon pastikan verifikasi dan disposisi segera: ${staffCaseLink(n.portalUrl, c.trackingId)}`,
      ]);
    case 'REPORTER_CONFIRM_EMAIL':
      // Sent once, possibly to a stranger (anyone can type any address): nothing of the complaint but its number.
      return simple(`[Aduan ${c.trackingId}] Konfirmasi alamat email Anda`, 'Yth. Bapak/Ibu,', [
        `Alamat email ini dicantumkan pada laporan nomor ${c.trackingId} di Aduan.`,
        `Jika Anda yang mengirim laporan itu, konfirmasi alamat ini dengan kode ${n.confirmationCode ?? '-'} (buka ${link} dengan token akses Anda, lalu pilih Konfirmasi alamat email).`,
        'Jika bukan Anda, abaikan email ini: Anda tidak akan menerima email lain tentang laporan tersebut.',
      ]);
    case 'REPORTER_VERIFIED':
      return simple(`[Aduan ${c.trackingId}] Laporan Anda telah diverifikasi`, toReporter, [
        `Laporan "${c.title}" telah diverifikasi dan diteruskan ke instansi yang berwenang.`,
        `Instansi wajib menindaklanjuti paling lambat ${deadline}.`,
        `Pantau perkembangan dengan nomor pelacakan ${c.trackingId} dan token akses Anda: ${link}`,
      ]);
    case 'REPORTER_HOLD':
      return simple(
        `[Aduan ${c.trackingId}] Mohon lengkapi laporan Anda`,
        toReporter,
        [
          `Verifikator memerlukan keterangan tambahan untuk laporan "${c.title}":`,
          `Jawab paling lambat ${deadline}: buka laporan Anda dengan token akses, lalu pilih "${button('REPLY')}". Tanpa jawaban, laporan akan diarsipkan.`,
          `Laporan Anda: ${link}`,
        ],
        n.message,
      );
    case 'REPORTER_RESPONSE':
      return simple(
        `[Aduan ${c.trackingId}] Instansi telah menindaklanjuti laporan Anda`,
        toReporter,
        [
          `Instansi telah menindaklanjuti laporan "${c.title}":`,
          `Jika masalah sudah selesai, pilih "${button('CONFIRM_RESOLVED')}"; jika belum, pilih "${button('REPLY')}" dan ceritakan apa yang kurang. Tanpa tanggapan hingga ${deadline}, laporan dianggap selesai.`,
          `Laporan Anda: ${link}`,
        ],
        n.message,
      );
    case 'REPORTER_CLOSED': {
      const how =
        c.status === 'ARCHIVED'
          ? `Laporan diarsipkan karena ${ARCHIVE_REASON_TEXT[c.archive?.reason ?? ''] ?? 'alasan administratif'}${c.archive?.duplicateOf ? ` (${c.archive.duplicateOf})` : ''}.`
          : c.closure?.how === 'NO_REPLY_FROM_REPORTER'
            ? 'Laporan ditutup karena tidak ada tanggapan setelah tindak lanjut instansi.'
            : 'Terima kasih telah mengonfirmasi bahwa laporan Anda telah selesai.';
      return simple(`[Aduan ${c.trackingId}] Laporan Anda: ${LABELS.STATUS[c.status].id}`, toReporter, [
        `Laporan "${c.title}": ${how}`,
        ...(c.status === 'CLOSED'
          ? [`Beri penilaian 1–5 atas penanganannya ("${button('RATE')}"), atau pilih "${button('REOPEN')}" bila masalah belum selesai.`]
          : []),
        `Laporan Anda: ${link}`,
        ...(c.archive?.reason === 'DUPLICATE' && c.archive.duplicateOf
          ? [
              `Laporan Anda dihitung sebagai dukungan pada laporan ${c.archive.duplicateOf}, yang ditangani instansi. Ikuti perkembangannya di ${publicComplaintLink(n.portalUrl, c.archive.duplicateOf)} (bila laporan itu terbuka untuk umum).`,
            ]
          : []),
      ]);
    }
  }
}
