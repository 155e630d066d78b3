/** Indonesian labels for the API's codes, as a citizen or an officer reads them. */

export const TYPE_LABELS: Record<string, string> = {
  COMPLAINT: 'Pengaduan',
  ASPIRATION: 'Aspirasi',
  INFORMATION_REQUEST: 'Permintaan informasi',
};

export const STATUS_LABELS: Record<string, string> = {
  SUBMITTED: 'Belum Terverifikasi',
  ON_HOLD: 'Ditunda',
  ASSIGNED: 'Terverifikasi/Didisposisikan',
  IN_PROGRESS: 'Diproses',
  RESPONDED: 'Ditindaklanjuti',
  CLOSED: 'Selesai',
  ARCHIVED: 'Diarsipkan',
};

export const ACTION_LABELS: Record<string, string> = {
  VERIFY: 'Verifikasi dan disposisikan',
  HOLD: 'Tunda: minta keterangan pelapor',
  ARCHIVE: 'Arsipkan',
  ACKNOWLEDGE: 'Terima (mulai diproses)',
  RESPOND: 'Kirim tindak lanjut',
  TRANSFER: 'Bukan wewenang kami (alihkan)',
  COMMENT: 'Tambah catatan',
  REPLY: 'Balas',
  CONFIRM_RESOLVED: 'Masalah sudah selesai',
  REOPEN: 'Belum selesai (buka kembali)',
  RATE: 'Beri penilaian',
  REQUEST_OMBUDSMAN_REVIEW: 'Minta pemeriksaan Ombudsman',
  TAKE_OVER: 'Ambil alih pemeriksaan',
  RETURN_TO_AGENCY: 'Kembalikan ke instansi dengan saran',
  DISMISS: 'Tutup pemeriksaan',
  ERASE_IDENTITY: 'Hapus identitas saya',
  CONFIRM_EMAIL: 'Konfirmasi alamat email',
};

export const REVIEW_REASON_LABELS: Record<string, string> = {
  ESCALATION_EXHAUSTED: 'Eskalasi sampai instansi tertinggi tanpa jawaban',
  TRANSFERRED_REPEATEDLY: 'Dialihkan berulang kali',
  RESOLUTION_LIMIT_PASSED: 'Melewati batas penyelesaian menurut undang-undang',
  REPORTER_REQUEST: 'Permintaan pelapor',
  RECOMMENDATION_IGNORED: 'Saran Ombudsman tidak dijalankan',
};

export const EVENT_LABELS: Record<string, string> = {
  SUBMITTED: 'Laporan diterima',
  ASSIGNED: 'Didisposisikan ke instansi',
  MANUAL_ROUTING_REQUIRED: 'Menunggu penentuan instansi',
  ROUTING_SUGGESTED: 'Usulan instansi',
  VERIFIED: 'Diverifikasi',
  ACKNOWLEDGED: 'Diterima instansi',
  RESPONDED: 'Tindak lanjut instansi',
  TRANSFERRED: 'Dialihkan',
  COMMENTED: 'Catatan',
  REPLIED: 'Balasan pelapor',
  HELD: 'Ditunda',
  ARCHIVED: 'Diarsipkan',
  CLOSED: 'Selesai',
  REOPENED: 'Dibuka kembali',
  RATED: 'Dinilai',
  ESCALATED: 'Dieskalasi',
  REMINDED: 'Pengingat',
  OMBUDSMAN_FLAGGED: 'Ditandai untuk Ombudsman',
  IDENTITY_READ: 'Identitas dibaca',
  IDENTITY_ERASED: 'Identitas dihapus',
  EMAIL_CONFIRMED: 'Email dikonfirmasi',
  DEADLINE_MISSED: 'Tenggat terlewati',
  OMBUDSMAN_ACTION: 'Tindakan Ombudsman',
  ATTACHMENT_ADDED: 'Lampiran ditambahkan',
  ATTACHMENT_REJECTED: 'Lampiran ditolak',
  ATTACHMENT_DOWNLOADED: 'Lampiran diunduh',
  DUPLICATE_MERGED: 'Laporan serupa digabungkan',
};

/** The clock a deadline belongs to (`deadline.stage`). */
export const STAGE_LABELS: Record<string, string> = {
  DISPOSITION: 'verifikasi dan disposisi',
  FOLLOW_UP: 'tindak lanjut instansi',
  REPORTER_ANSWER: 'jawaban pelapor atas pertanyaan verifikator',
  REPORTER_CONFIRMATION: 'tanggapan pelapor atas tindak lanjut',
};

export const label = (labels: Record<string, string>, code: string) => labels[code] ?? code.replaceAll('_', ' ').toLowerCase();

const DATE = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** `2026-04-02` → `2 April 2026` (a calendar date, not shifted by the phone's zone). */
export const formatDate = (ymd: string) => DATE.format(new Date(`${ymd}T12:00:00Z`));
export const formatDateTime = (iso: string) => DATE_TIME.format(new Date(iso));
