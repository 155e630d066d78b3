/**
 * The words people read for the API's codes, in each language the portal speaks, in one place:
 * the API (views, mails, Open311, case bundles) and the portal (portal/src/labels.ts) both read
 * this module, so they cannot drift. Each table is typed by its code's union: a new status,
 * action, event, reason or clock without its words in every language does not compile.
 *
 * Pure data with type-only imports: the portal bundles it as it is.
 */
import type { ActionName } from './actions';
import type { ArchiveReason, ComplaintStatus, ComplaintType, DeadlineStage, OmbudsmanReason, TimelineEventType } from './complaint';
import type { ScorecardFigure, Zone } from './compliance';
import type { ReadinessStep } from './readiness';
import type { StaffRole } from './staff';
import type { AccountStatus, StaffActionName } from './staff-accounts';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Label = Record<Language, string>;

export const TYPE: Record<ComplaintType, Label> = {
  COMPLAINT: { id: 'Pengaduan', en: 'Complaint' },
  ASPIRATION: { id: 'Aspirasi', en: 'Aspiration' },
  INFORMATION_REQUEST: { id: 'Permintaan informasi', en: 'Information request' },
};

export const STATUS: Record<ComplaintStatus, Label> = {
  SUBMITTED: { id: 'Belum Terverifikasi', en: 'Submitted, awaiting verification' },
  ON_HOLD: { id: 'Ditunda', en: 'On hold: waiting for the reporter' },
  ASSIGNED: { id: 'Terverifikasi/Didisposisikan', en: 'Verified and assigned to an agency' },
  IN_PROGRESS: { id: 'Diproses', en: 'In progress at the agency' },
  RESPONDED: { id: 'Ditindaklanjuti', en: 'The agency has responded' },
  CLOSED: { id: 'Selesai', en: 'Closed' },
  ARCHIVED: { id: 'Diarsipkan', en: 'Archived' },
};

export const ACTION: Record<ActionName, Label> = {
  VERIFY: { id: 'Verifikasi dan disposisikan', en: 'Verify and assign' },
  HOLD: { id: 'Tunda: minta keterangan pelapor', en: 'Hold: ask the reporter' },
  ARCHIVE: { id: 'Arsipkan', en: 'Archive' },
  ACKNOWLEDGE: { id: 'Terima (mulai diproses)', en: 'Accept (start work)' },
  RESPOND: { id: 'Kirim tindak lanjut', en: 'Send a response' },
  TRANSFER: { id: 'Bukan wewenang kami (alihkan)', en: 'Not ours (transfer)' },
  COMMENT: { id: 'Tambah catatan', en: 'Add a note' },
  REPLY: { id: 'Balas', en: 'Reply' },
  CONFIRM_RESOLVED: { id: 'Masalah sudah selesai', en: 'The problem is solved' },
  REOPEN: { id: 'Belum selesai (buka kembali)', en: 'Not solved (reopen)' },
  RATE: { id: 'Beri penilaian', en: 'Rate' },
  REQUEST_OMBUDSMAN_REVIEW: { id: 'Minta pemeriksaan Ombudsman', en: 'Ask the Ombudsman to review' },
  TAKE_OVER: { id: 'Ambil alih pemeriksaan', en: 'Take over the review' },
  RETURN_TO_AGENCY: { id: 'Kembalikan ke instansi dengan saran', en: 'Return to the agency with a recommendation' },
  DISMISS: { id: 'Tutup pemeriksaan', en: 'Close the review' },
  ERASE_IDENTITY: { id: 'Hapus identitas saya', en: 'Erase my identity' },
  CONFIRM_EMAIL: { id: 'Konfirmasi alamat email', en: 'Confirm the email address' },
};

/** Why a complaint was archived (shown on its timeline, in the verifier's form and in the reporter's mail). */
export const ARCHIVE_REASON: Record<ArchiveReason, Label> = {
  NOT_ACTIONABLE: { id: 'Tidak dapat ditindaklanjuti', en: 'Cannot be acted on' },
  OUT_OF_SCOPE: { id: 'Bukan pelayanan publik', en: 'Not about a public service' },
  DUPLICATE: { id: 'Sama dengan laporan lain (digabungkan)', en: 'Same as another report (merged)' },
  ABUSIVE: { id: 'Kasar atau menyalahgunakan layanan', en: 'Abusive or a misuse of the service' },
  NO_ANSWER_FROM_REPORTER: { id: 'Pelapor tidak menjawab pertanyaan verifikator', en: 'The reporter did not answer the verifier' },
};

/** Why a complaint went to the Ombudsman, as a label (the mails' sentences are in ombudsman-review.ts). */
export const REVIEW_REASON: Record<OmbudsmanReason, Label> = {
  ESCALATION_EXHAUSTED: { id: 'Eskalasi sampai instansi tertinggi tanpa jawaban', en: 'Escalated to the highest agency without an answer' },
  TRANSFERRED_REPEATEDLY: { id: 'Dialihkan berulang kali', en: 'Transferred again and again' },
  RESOLUTION_LIMIT_PASSED: { id: 'Melewati batas penyelesaian menurut undang-undang', en: 'Past the resolution limit set by law' },
  REPORTER_REQUEST: { id: 'Permintaan pelapor', en: 'The reporter asked' },
  RECOMMENDATION_IGNORED: { id: 'Saran Ombudsman tidak dijalankan', en: 'The Ombudsman’s recommendation was not followed' },
  ILLEGAL_LEVY_INDICATED: { id: 'Indikasi pungutan liar', en: 'Illegal levy indicated' },
};

export const EVENT: Record<TimelineEventType, Label> = {
  SUBMITTED: { id: 'Laporan diterima', en: 'Report received' },
  ASSIGNED: { id: 'Didisposisikan ke instansi', en: 'Assigned to an agency' },
  MANUAL_ROUTING_REQUIRED: { id: 'Menunggu penentuan instansi', en: 'Waiting for an agency to be chosen' },
  ROUTING_SUGGESTED: { id: 'Usulan instansi', en: 'Agency suggested' },
  VERIFIED: { id: 'Diverifikasi', en: 'Verified' },
  ACKNOWLEDGED: { id: 'Diterima instansi', en: 'Accepted by the agency' },
  RESPONDED: { id: 'Tindak lanjut instansi', en: 'The agency’s response' },
  TRANSFERRED: { id: 'Dialihkan', en: 'Transferred' },
  COMMENTED: { id: 'Catatan', en: 'Note' },
  REPLIED: { id: 'Balasan pelapor', en: 'The reporter’s reply' },
  HELD: { id: 'Ditunda', en: 'On hold' },
  ARCHIVED: { id: 'Diarsipkan', en: 'Archived' },
  CLOSED: { id: 'Selesai', en: 'Closed' },
  REOPENED: { id: 'Dibuka kembali', en: 'Reopened' },
  RATED: { id: 'Dinilai', en: 'Rated' },
  ESCALATED: { id: 'Dieskalasi', en: 'Escalated' },
  REMINDED: { id: 'Pengingat', en: 'Reminder' },
  OMBUDSMAN_FLAGGED: { id: 'Ditandai untuk Ombudsman', en: 'Flagged for the Ombudsman' },
  IDENTITY_READ: { id: 'Identitas dibaca', en: 'Identity read' },
  IDENTITY_ERASED: { id: 'Identitas dihapus', en: 'Identity erased' },
  EMAIL_CONFIRMED: { id: 'Email dikonfirmasi', en: 'Email confirmed' },
  DEADLINE_MISSED: { id: 'Tenggat terlewati', en: 'Deadline missed' },
  OMBUDSMAN_ACTION: { id: 'Tindakan Ombudsman', en: 'Ombudsman action' },
  ATTACHMENT_ADDED: { id: 'Lampiran ditambahkan', en: 'Attachment added' },
  ATTACHMENT_REJECTED: { id: 'Lampiran ditolak', en: 'Attachment refused' },
  ATTACHMENT_DOWNLOADED: { id: 'Lampiran diunduh', en: 'Attachment downloaded' },
  DUPLICATE_MERGED: { id: 'Laporan serupa digabungkan', en: 'Similar report merged' },
};

/** The clock a deadline belongs to (`deadline.stage`), as it reads inside a sentence. */
export const STAGE: Record<DeadlineStage, Label> = {
  DISPOSITION: { id: 'verifikasi dan disposisi', en: 'verification and assignment' },
  FOLLOW_UP: { id: 'tindak lanjut instansi', en: 'the agency’s response' },
  REPORTER_ANSWER: { id: 'jawaban pelapor atas pertanyaan verifikator', en: 'the reporter’s answer to the verifier’s question' },
  REPORTER_CONFIRMATION: { id: 'tanggapan pelapor atas tindak lanjut', en: 'the reporter’s reply to the response' },
};

/** Staff roles (each the group of the user pool it is named after in core/staff.ts). */
export const ROLE: Record<StaffRole, Label> = {
  VERIFIER: { id: 'Verifikator', en: 'Verifier' },
  AGENCY_OFFICER: { id: 'Petugas instansi', en: 'Agency officer' },
  OMBUDSMAN: { id: 'Ombudsman', en: 'Ombudsman' },
  OPERATOR: { id: 'Operator', en: 'Operator' },
  SERVICE_ADMIN: { id: 'Admin instansi', en: 'Agency administrator' },
};

/** Where a staff account stands. */
export const ACCOUNT_STATUS: Record<AccountStatus, Label> = {
  INVITED: { id: 'Diundang, belum masuk', en: 'Invited, not signed in yet' },
  ACTIVE: { id: 'Aktif', en: 'Active' },
  DISABLED: { id: 'Dinonaktifkan', en: 'Disabled' },
};

/** What was done to a staff account (its history, and the mail to the person). */
export const STAFF_CHANGE: Record<'INVITE' | 'IMPORT' | StaffActionName, Label> = {
  INVITE: { id: 'Diundang', en: 'Invited' },
  IMPORT: { id: 'Diundang lewat impor', en: 'Invited by import' },
  DISABLE: { id: 'Dinonaktifkan', en: 'Disabled' },
  ENABLE: { id: 'Diaktifkan kembali', en: 'Enabled again' },
  RESEND_INVITATION: { id: 'Undangan dikirim ulang', en: 'Invitation sent again' },
  RESET_PASSWORD: { id: 'Kata sandi diatur ulang', en: 'Password reset' },
  CHANGE_GROUP: { id: 'Peran diubah', en: 'Role changed' },
  MOVE_AGENCY: { id: 'Dipindahkan ke instansi lain', en: 'Moved to another agency' },
};

/** The Ombudsman's compliance zones (core/compliance.ts): the word the colour only repeats. */
export const ZONE: Record<Zone, Label> = {
  HIJAU: { id: 'Zona hijau', en: 'Green zone' },
  KUNING: { id: 'Zona kuning', en: 'Yellow zone' },
  MERAH: { id: 'Zona merah', en: 'Red zone' },
  BELUM_DINILAI: { id: 'Belum dinilai', en: 'Not yet rated' },
};

/** The figures of a compliance scorecard (core/compliance.ts), as counted in the period. */
export const FIGURE: Record<ScorecardFigure, Label> = {
  assigned: { id: 'Pengaduan didisposisikan', en: 'Complaints assigned' },
  firstFollowUpOnTime: { id: 'Tindak lanjut pertama tepat waktu', en: 'First follow-ups on time' },
  firstFollowUpLate: { id: 'Tindak lanjut pertama terlambat', en: 'First follow-ups late' },
  closedWithinStatute: { id: 'Selesai dalam batas waktu undang-undang', en: 'Closed within the statutory limit' },
  closedAfterStatute: { id: 'Selesai melewati batas waktu undang-undang', en: 'Closed after the statutory limit' },
  recommendationsFollowed: { id: 'Rekomendasi Ombudsman ditindaklanjuti', en: 'Ombudsman recommendations followed' },
  recommendationsIgnored: { id: 'Rekomendasi Ombudsman diabaikan', en: 'Ombudsman recommendations ignored' },
  transfers: { id: 'Dilimpahkan (bukan wewenang)', en: 'Transferred away (not competent)' },
  escalations: { id: 'Dieskalasi ke instansi atasan', en: 'Escalated to the parent agency' },
  reopenings: { id: 'Dibuka kembali oleh pelapor', en: 'Reopened by the reporter' },
  ratingCount: { id: 'Dinilai pelapor', en: 'Rated by the reporter' },
  prolongedDelay: { id: 'Indikasi penundaan berlarut', en: 'Prolonged delay indicated' },
  illegalLevy: { id: 'Indikasi pungutan liar', en: 'Illegal levy indicated' },
  proceduralDeviation: { id: 'Indikasi penyimpangan prosedur', en: 'Procedural deviation indicated' },
  ombudsmanFlags: { id: 'Diteruskan untuk peninjauan Ombudsman', en: 'Flagged for Ombudsman review' },
};

/** The steps of an agency's readiness (core/readiness.ts), in the order an agency takes them. */
export const READINESS_STEP: Record<ReadinessStep, Label> = {
  ADMINISTRATOR: { id: 'Admin instansi aktif', en: 'An active agency administrator' },
  DESK_ADDRESS: { id: 'Alamat email meja pengaduan ditetapkan', en: 'The complaint desk address set' },
  OFFICER: { id: 'Petugas pengaduan aktif', en: 'An active complaint officer' },
  SERVICE_STANDARDS: { id: 'Standar pelayanan diterbitkan', en: 'Service standards published' },
  LIAISON: { id: 'Petugas penghubung tercatat', en: 'A liaison on record' },
};

/** One table in one language (the portal's lookups by code). */
export function inLanguage<K extends string>(labels: Record<K, Label>, language: Language): Record<K, string> {
  return Object.fromEntries(Object.entries<Label>(labels).map(([code, label]) => [code, label[language]])) as Record<K, string>;
}
