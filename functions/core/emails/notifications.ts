import type { Agency } from '../agencies';
import type { Category } from '../categories';
import type { Complaint, ReporterIdentity } from '../complaint';
import { formatDeadlineId, quoted } from '../format';
import { REVIEW_GROUND } from '../labels';
import type { NotificationTemplate } from '../notifications';
import { staffCaseLink } from '../portal-links';
import type { ResolvedRegion } from '../regions';
import { type RenderedEmail, renderAgencyAssignment } from './agency-assignment';
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
}

/** Every mail the lifecycle sends: to agencies and staff in Indonesian, to the reporter in their language (reporter.ts). */
export function renderNotification(n: NotificationInput): RenderedEmail {
  const c = n.complaint;
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
        `Laporan ini diteruskan kepada kantor Anda untuk ditinjau: ${(c.ombudsmanReview?.reasons ?? []).map((r) => REVIEW_GROUND[r]?.id ?? r).join('; ')}.`,
        'Peninjauan Ombudsman',
        { withholdIdentity: !c.ombudsmanReview?.consentToShareIdentity, audience: 'OMBUDSMAN' },
      );
    case 'SUPERVISOR_UNVERIFIED':
      return simpleMail('id', `[Aduan ${c.trackingId}] Laporan belum diverifikasi melewati batas waktu`, 'Yth. Supervisor Verifikasi Nasional,', [
        `Laporan "${c.title}" (${c.trackingId}) belum diverifikasi hingga melewati batas waktu ${formatDeadlineId(c.deadline.date, c.deadline.timeZone)}.`,
        `Mohon pastikan verifikasi dan disposisi segera: ${staffCaseLink(n.portalUrl, c.trackingId)}`,
      ]);
    case 'REPORTER_CONFIRM_EMAIL':
    case 'REPORTER_VERIFIED':
    case 'REPORTER_HOLD':
    case 'REPORTER_RESPONSE':
    case 'REPORTER_CLOSED':
      return renderReporterMail(n.template, c, { portalUrl: n.portalUrl, message: n.message, confirmationCode: n.confirmationCode });
  }
}
