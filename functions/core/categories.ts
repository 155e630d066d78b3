/** Who handles a topic: the regency/city government, the province, or a named national agency. */
export type Handler = { level: 'REGENCY' } | { level: 'PROVINCE' } | { level: 'NATIONAL'; agencyId: string } | { level: 'MANUAL' };

export interface Category {
  id: string;
  name: string;
  nameEn: string;
  /** What it covers, in the words a citizen would use (shown when choosing a category). */
  covers: string;
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
    handledBy: REGENCY,
  },
  {
    id: 'jalan-kabupaten-kota',
    name: 'Jalan dan Jembatan Kabupaten/Kota',
    nameEn: 'Regency/city roads and bridges',
    covers: 'Jalan rusak atau berlubang, jembatan, trotoar, drainase dan lampu jalan di jalan kabupaten/kota.',
    handledBy: REGENCY,
  },
  {
    id: 'jalan-provinsi',
    name: 'Jalan dan Jembatan Provinsi',
    nameEn: 'Provincial roads and bridges',
    covers: 'Jalan dan jembatan berstatus jalan provinsi (penghubung antarkabupaten/kota).',
    handledBy: PROVINCE,
  },
  {
    id: 'jalan-nasional',
    name: 'Jalan dan Jembatan Nasional',
    nameEn: 'National roads and bridges',
    covers: 'Jalan dan jembatan nasional: jalan lintas provinsi dan arteri primer.',
    handledBy: national('kemenpu'),
  },
  {
    id: 'kebersihan-sampah',
    name: 'Kebersihan dan Pengelolaan Sampah',
    nameEn: 'Cleanliness and waste',
    covers: 'Sampah tidak diangkut, TPS penuh, tempat pembuangan liar, kebersihan pasar dan taman.',
    handledBy: REGENCY,
  },
  {
    id: 'air-bersih',
    name: 'Air Bersih (PDAM)',
    nameEn: 'Piped water',
    covers: 'Air PDAM mati, keruh atau bertekanan rendah, tagihan dan sambungan baru.',
    handledBy: REGENCY,
  },
  {
    id: 'puskesmas',
    name: 'Pelayanan Puskesmas',
    nameEn: 'Community health centres',
    covers: 'Pelayanan, antrean, obat, tenaga kesehatan dan biaya di puskesmas.',
    handledBy: REGENCY,
  },
  {
    id: 'rumah-sakit-daerah',
    name: 'Pelayanan Rumah Sakit Umum Daerah',
    nameEn: 'Regional public hospitals',
    covers: 'Pelayanan, rujukan, tempat tidur dan biaya di RSUD milik pemerintah daerah.',
    handledBy: REGENCY,
  },
  {
    id: 'pendidikan-dasar',
    name: 'Pendidikan Dasar (SD/SMP)',
    nameEn: 'Primary and lower secondary schools',
    covers: 'SD dan SMP negeri: penerimaan murid baru, pungutan, guru, bangunan sekolah.',
    handledBy: REGENCY,
  },
  {
    id: 'pendidikan-menengah',
    name: 'Pendidikan Menengah (SMA/SMK/SLB)',
    nameEn: 'Upper secondary and special schools',
    covers: 'SMA, SMK dan SLB negeri: penerimaan murid baru, pungutan, guru, bangunan sekolah.',
    handledBy: PROVINCE,
  },
  {
    id: 'perizinan',
    name: 'Perizinan dan Penanaman Modal Daerah',
    nameEn: 'Local permits and investment',
    covers: 'Izin usaha, persetujuan bangunan gedung (PBG), pelayanan mal pelayanan publik daerah.',
    handledBy: REGENCY,
  },
  {
    id: 'bantuan-sosial',
    name: 'Bantuan Sosial',
    nameEn: 'Social assistance',
    covers: 'Bantuan sosial tidak tepat sasaran, tidak diterima, atau dipotong; pendataan DTKS.',
    handledBy: REGENCY,
  },
  {
    id: 'lingkungan-hidup',
    name: 'Lingkungan Hidup dan Pencemaran',
    nameEn: 'Environment and pollution',
    covers: 'Pencemaran air, udara dan tanah, limbah usaha, kebisingan, penebangan liar.',
    handledBy: REGENCY,
  },
  {
    id: 'ketenagakerjaan',
    name: 'Pengawasan Ketenagakerjaan',
    nameEn: 'Labour inspection',
    covers: 'Upah di bawah ketentuan, PHK, keselamatan kerja dan pengawasan perusahaan.',
    handledBy: PROVINCE,
  },
  {
    id: 'transportasi-perhubungan',
    name: 'Perhubungan dan Transportasi Nasional',
    nameEn: 'National transport',
    covers: 'Angkutan antarprovinsi, kereta api, pelabuhan, bandara dan keselamatan transportasi.',
    handledBy: national('kemenhub'),
  },
  {
    id: 'jaminan-kesehatan',
    name: 'Jaminan Kesehatan Nasional (BPJS Kesehatan)',
    nameEn: 'National health insurance',
    covers: 'Kepesertaan, iuran dan layanan JKN/KIS di fasilitas kesehatan.',
    handledBy: national('bpjs-kesehatan'),
  },
  {
    id: 'jaminan-ketenagakerjaan',
    name: 'Jaminan Sosial Ketenagakerjaan',
    nameEn: 'Employment social security',
    covers: 'Kepesertaan dan klaim BPJS Ketenagakerjaan (JHT, JKK, JKM, pensiun).',
    handledBy: national('bpjs-ketenagakerjaan'),
  },
  {
    id: 'listrik',
    name: 'Listrik (PLN)',
    nameEn: 'Electricity',
    covers: 'Listrik padam, sambungan baru, tagihan dan meteran PLN.',
    handledBy: national('pln'),
  },
  {
    id: 'pertanahan',
    name: 'Pertanahan dan Sertifikat Tanah',
    nameEn: 'Land and certificates',
    covers: 'Sertifikat tanah, pendaftaran, pengukuran dan sengketa administrasi pertanahan.',
    handledBy: national('atr-bpn'),
  },
  {
    id: 'kepolisian',
    name: 'Pelayanan Kepolisian (SKCK, SIM, laporan polisi)',
    nameEn: 'Police services',
    covers: 'SKCK, SIM, STNK, penanganan laporan polisi dan perilaku petugas.',
    handledBy: national('polri'),
  },
  {
    id: 'keagamaan',
    name: 'Layanan Keagamaan (KUA, haji)',
    nameEn: 'Religious affairs services',
    covers: 'Pencatatan nikah di KUA, penyelenggaraan haji dan umrah, madrasah.',
    handledBy: national('kemenag'),
  },
  {
    id: 'lainnya',
    name: 'Lainnya',
    nameEn: 'Other',
    covers: 'Jika tidak ada kategori yang cocok: verifikator akan menentukan instansi yang berwenang.',
    handledBy: { level: 'MANUAL' },
  },
];

const byId = new Map(categories.map((c) => [c.id, c]));
export const findCategory = (id: string) => byId.get(id);
