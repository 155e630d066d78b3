/** Who handles a topic: the regency/city government, the province, or a named national agency. */
export type Handler = { level: 'REGENCY' } | { level: 'PROVINCE' } | { level: 'NATIONAL'; agencyId: string } | { level: 'MANUAL' };

export interface Category {
  id: string;
  name: string;
  nameEn: string;
  /** What it covers, in the words a citizen would use (shown when choosing a category). */
  covers: string;
  /** The same in English, for a reader who chose it. */
  coversEn: string;
  handledBy: Handler;
}

const REGENCY = { level: 'REGENCY' } as const;
const PROVINCE = { level: 'PROVINCE' } as const;
const national = (agencyId: string) => ({ level: 'NATIONAL', agencyId }) as const;

// Division of affairs follows UU 23/2014: e.g. SMA/SMK and provincial roads belong to the
// province; SD/SMP, Puskesmas, Dukcapil services and waste to the regency/city.
export const categories: readonly Category[] = [
  {
    id: 'administrasi-kependudukan',
    name: 'Administrasi Kependudukan (KTP-el, KK, Akta)',
    nameEn: 'Civil registration (ID card, family card, certificates)',
    covers: 'Pembuatan dan perubahan KTP-el, Kartu Keluarga, akta kelahiran, akta kematian, pindah datang.',
    coversEn: 'Issuing and changing ID cards, family cards, birth and death certificates, moving in and out.',
    handledBy: REGENCY,
  },
  {
    id: 'jalan-kabupaten-kota',
    name: 'Jalan dan Jembatan Kabupaten/Kota',
    nameEn: 'Regency/city roads and bridges',
    covers: 'Jalan rusak atau berlubang, jembatan, trotoar, drainase dan lampu jalan di jalan kabupaten/kota.',
    coversEn: 'Broken or potholed roads, bridges, pavements, drains and street lights on regency/city roads.',
    handledBy: REGENCY,
  },
  {
    id: 'jalan-provinsi',
    name: 'Jalan dan Jembatan Provinsi',
    nameEn: 'Provincial roads and bridges',
    covers: 'Jalan dan jembatan berstatus jalan provinsi (penghubung antarkabupaten/kota).',
    coversEn: 'Roads and bridges with provincial status (linking regencies and cities).',
    handledBy: PROVINCE,
  },
  {
    id: 'jalan-nasional',
    name: 'Jalan dan Jembatan Nasional',
    nameEn: 'National roads and bridges',
    covers: 'Jalan dan jembatan nasional: jalan lintas provinsi dan arteri primer.',
    coversEn: 'National roads and bridges: roads across provinces and primary arteries.',
    handledBy: national('kemenpu'),
  },
  {
    id: 'kebersihan-sampah',
    name: 'Kebersihan dan Pengelolaan Sampah',
    nameEn: 'Cleanliness and waste',
    covers: 'Sampah tidak diangkut, TPS penuh, tempat pembuangan liar, kebersihan pasar dan taman.',
    coversEn: 'Rubbish not collected, full collection points, illegal dumping, clean markets and parks.',
    handledBy: REGENCY,
  },
  {
    id: 'air-bersih',
    name: 'Air Bersih (PDAM)',
    nameEn: 'Piped water',
    covers: 'Air PDAM mati, keruh atau bertekanan rendah, tagihan dan sambungan baru.',
    coversEn: 'Tap water (PDAM) cut off, dirty or at low pressure, bills and new connections.',
    handledBy: REGENCY,
  },
  {
    id: 'puskesmas',
    name: 'Pelayanan Puskesmas',
    nameEn: 'Community health centres',
    covers: 'Pelayanan, antrean, obat, tenaga kesehatan dan biaya di puskesmas.',
    coversEn: 'Service, queues, medicines, health workers and fees at community health centres.',
    handledBy: REGENCY,
  },
  {
    id: 'rumah-sakit-daerah',
    name: 'Pelayanan Rumah Sakit Umum Daerah',
    nameEn: 'Regional public hospitals',
    covers: 'Pelayanan, rujukan, tempat tidur dan biaya di RSUD milik pemerintah daerah.',
    coversEn: 'Service, referrals, beds and fees at hospitals run by the local government.',
    handledBy: REGENCY,
  },
  {
    id: 'pendidikan-dasar',
    name: 'Pendidikan Dasar (SD/SMP)',
    nameEn: 'Primary and lower secondary schools',
    covers: 'SD dan SMP negeri: penerimaan murid baru, pungutan, guru, bangunan sekolah.',
    coversEn: 'State primary and junior secondary schools: admissions, fees, teachers, school buildings.',
    handledBy: REGENCY,
  },
  {
    id: 'pendidikan-menengah',
    name: 'Pendidikan Menengah (SMA/SMK/SLB)',
    nameEn: 'Upper secondary and special schools',
    covers: 'SMA, SMK dan SLB negeri: penerimaan murid baru, pungutan, guru, bangunan sekolah.',
    coversEn: 'State senior secondary, vocational and special schools: admissions, fees, teachers, school buildings.',
    handledBy: PROVINCE,
  },
  {
    id: 'perizinan',
    name: 'Perizinan dan Penanaman Modal Daerah',
    nameEn: 'Local permits and investment',
    covers: 'Izin usaha, persetujuan bangunan gedung (PBG), pelayanan mal pelayanan publik daerah.',
    coversEn: 'Business permits, building approvals (PBG), the local public service mall.',
    handledBy: REGENCY,
  },
  {
    id: 'bantuan-sosial',
    name: 'Bantuan Sosial',
    nameEn: 'Social assistance',
    covers: 'Bantuan sosial tidak tepat sasaran, tidak diterima, atau dipotong; pendataan DTKS.',
    coversEn: 'Social assistance that misses its target, never arrives or is cut; the DTKS welfare register.',
    handledBy: REGENCY,
  },
  {
    id: 'lingkungan-hidup',
    name: 'Lingkungan Hidup dan Pencemaran',
    nameEn: 'Environment and pollution',
    covers: 'Pencemaran air, udara dan tanah, limbah usaha, kebisingan, penebangan liar.',
    coversEn: 'Water, air and soil pollution, business waste, noise, illegal logging.',
    handledBy: REGENCY,
  },
  {
    id: 'ketenagakerjaan',
    name: 'Pengawasan Ketenagakerjaan',
    nameEn: 'Labour inspection',
    covers: 'Upah di bawah ketentuan, PHK, keselamatan kerja dan pengawasan perusahaan.',
    coversEn: 'Wages below the minimum, dismissals, safety at work and inspection of companies.',
    handledBy: PROVINCE,
  },
  {
    id: 'transportasi-perhubungan',
    name: 'Perhubungan dan Transportasi Nasional',
    nameEn: 'National transport',
    covers: 'Angkutan antarprovinsi, kereta api, pelabuhan, bandara dan keselamatan transportasi.',
    coversEn: 'Transport between provinces, railways, ports, airports and transport safety.',
    handledBy: national('kemenhub'),
  },
  {
    id: 'jaminan-kesehatan',
    name: 'Jaminan Kesehatan Nasional (BPJS Kesehatan)',
    nameEn: 'National health insurance',
    covers: 'Kepesertaan, iuran dan layanan JKN/KIS di fasilitas kesehatan.',
    coversEn: 'Membership, contributions and care under the national health insurance (JKN/KIS).',
    handledBy: national('bpjs-kesehatan'),
  },
  {
    id: 'jaminan-ketenagakerjaan',
    name: 'Jaminan Sosial Ketenagakerjaan',
    nameEn: 'Employment social security',
    covers: 'Kepesertaan dan klaim BPJS Ketenagakerjaan (JHT, JKK, JKM, pensiun).',
    coversEn: 'Membership and claims of BPJS Ketenagakerjaan (old age, work accident, death, pension).',
    handledBy: national('bpjs-ketenagakerjaan'),
  },
  {
    id: 'listrik',
    name: 'Listrik (PLN)',
    nameEn: 'Electricity',
    covers: 'Listrik padam, sambungan baru, tagihan dan meteran PLN.',
    coversEn: 'Power cuts, new connections, PLN bills and meters.',
    handledBy: national('pln'),
  },
  {
    id: 'pertanahan',
    name: 'Pertanahan dan Sertifikat Tanah',
    nameEn: 'Land and certificates',
    covers: 'Sertifikat tanah, pendaftaran, pengukuran dan sengketa administrasi pertanahan.',
    coversEn: 'Land certificates, registration, surveying and administrative land disputes.',
    handledBy: national('atr-bpn'),
  },
  {
    id: 'kepolisian',
    name: 'Pelayanan Kepolisian (SKCK, SIM, laporan polisi)',
    nameEn: 'Police services',
    covers: 'SKCK, SIM, STNK, penanganan laporan polisi dan perilaku petugas.',
    coversEn: 'Police certificates (SKCK), driving licences, vehicle papers, handling of police reports and officers’ conduct.',
    handledBy: national('polri'),
  },
  {
    id: 'keagamaan',
    name: 'Layanan Keagamaan (KUA, haji)',
    nameEn: 'Religious affairs services',
    covers: 'Pencatatan nikah di KUA, penyelenggaraan haji dan umrah, madrasah.',
    coversEn: 'Marriage registration at the KUA, hajj and umrah, madrasahs.',
    handledBy: national('kemenag'),
  },
  {
    id: 'lainnya',
    name: 'Lainnya',
    nameEn: 'Other',
    covers: 'Jika tidak ada kategori yang cocok: verifikator akan menentukan instansi yang berwenang.',
    coversEn: 'When no category fits: a verifier decides which agency is responsible.',
    handledBy: { level: 'MANUAL' },
  },
];

const byId = new Map(categories.map((c) => [c.id, c]));
export const findCategory = (id: string) => byId.get(id);
