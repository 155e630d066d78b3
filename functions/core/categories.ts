/** Who handles a topic: the regency/city government, the province, or a named national agency. */
export type Handler = { level: 'REGENCY' } | { level: 'PROVINCE' } | { level: 'NATIONAL'; agencyId: string } | { level: 'MANUAL' };

export interface Category {
  id: string;
  name: string;
  nameEn: string;
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
    handledBy: REGENCY,
  },
  { id: 'jalan-kabupaten-kota', name: 'Jalan dan Jembatan Kabupaten/Kota', nameEn: 'Regency/city roads and bridges', handledBy: REGENCY },
  { id: 'jalan-provinsi', name: 'Jalan dan Jembatan Provinsi', nameEn: 'Provincial roads and bridges', handledBy: PROVINCE },
  { id: 'jalan-nasional', name: 'Jalan dan Jembatan Nasional', nameEn: 'National roads and bridges', handledBy: national('kemenpu') },
  { id: 'kebersihan-sampah', name: 'Kebersihan dan Pengelolaan Sampah', nameEn: 'Cleanliness and waste', handledBy: REGENCY },
  { id: 'air-bersih', name: 'Air Bersih (PDAM)', nameEn: 'Piped water', handledBy: REGENCY },
  { id: 'puskesmas', name: 'Pelayanan Puskesmas', nameEn: 'Community health centres', handledBy: REGENCY },
  { id: 'rumah-sakit-daerah', name: 'Pelayanan Rumah Sakit Umum Daerah', nameEn: 'Regional public hospitals', handledBy: REGENCY },
  { id: 'pendidikan-dasar', name: 'Pendidikan Dasar (SD/SMP)', nameEn: 'Primary and lower secondary schools', handledBy: REGENCY },
  { id: 'pendidikan-menengah', name: 'Pendidikan Menengah (SMA/SMK/SLB)', nameEn: 'Upper secondary and special schools', handledBy: PROVINCE },
  { id: 'perizinan', name: 'Perizinan dan Penanaman Modal Daerah', nameEn: 'Local permits and investment', handledBy: REGENCY },
  { id: 'bantuan-sosial', name: 'Bantuan Sosial', nameEn: 'Social assistance', handledBy: REGENCY },
  { id: 'lingkungan-hidup', name: 'Lingkungan Hidup dan Pencemaran', nameEn: 'Environment and pollution', handledBy: REGENCY },
  { id: 'ketenagakerjaan', name: 'Pengawasan Ketenagakerjaan', nameEn: 'Labour inspection', handledBy: PROVINCE },
  { id: 'transportasi-perhubungan', name: 'Perhubungan dan Transportasi Nasional', nameEn: 'National transport', handledBy: national('kemenhub') },
  { id: 'jaminan-kesehatan', name: 'Jaminan Kesehatan Nasional (BPJS Kesehatan)', nameEn: 'National health insurance', handledBy: national('bpjs-kesehatan') },
  { id: 'jaminan-ketenagakerjaan', name: 'Jaminan Sosial Ketenagakerjaan', nameEn: 'Employment social security', handledBy: national('bpjs-ketenagakerjaan') },
  { id: 'listrik', name: 'Listrik (PLN)', nameEn: 'Electricity', handledBy: national('pln') },
  { id: 'pertanahan', name: 'Pertanahan dan Sertifikat Tanah', nameEn: 'Land and certificates', handledBy: national('atr-bpn') },
  { id: 'kepolisian', name: 'Pelayanan Kepolisian (SKCK, SIM, laporan polisi)', nameEn: 'Police services', handledBy: national('polri') },
  { id: 'keagamaan', name: 'Layanan Keagamaan (KUA, haji)', nameEn: 'Religious affairs services', handledBy: national('kemenag') },
  { id: 'lainnya', name: 'Lainnya', nameEn: 'Other', handledBy: { level: 'MANUAL' } },
];

const byId = new Map(categories.map((c) => [c.id, c]));
export const findCategory = (id: string) => byId.get(id);
