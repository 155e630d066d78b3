import { provinces, regencies, type TimeZoneId } from './regions';

export const AGENCY_LEVELS = ['NATIONAL', 'PROVINCE', 'REGENCY', 'OMBUDSMAN'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export interface Agency {
  id: string;
  name: string;
  level: AgencyLevel;
  /** Kemendagri code of the area it serves; absent for national agencies. */
  regionCode?: string;
  parentId?: string;
  timeZone: TimeZoneId;
}

/** A realistic set of national agencies that receive LAPOR! dispositions. */
export const NATIONAL_AGENCIES: readonly Agency[] = [
  { id: 'kemendagri', name: 'Kementerian Dalam Negeri (termasuk Ditjen Dukcapil)' },
  { id: 'kemenkes', name: 'Kementerian Kesehatan' },
  { id: 'kemendikdasmen', name: 'Kementerian Pendidikan Dasar dan Menengah' },
  { id: 'kemensos', name: 'Kementerian Sosial' },
  { id: 'kemenpu', name: 'Kementerian Pekerjaan Umum' },
  { id: 'kemenhub', name: 'Kementerian Perhubungan' },
  { id: 'kemnaker', name: 'Kementerian Ketenagakerjaan' },
  { id: 'kemenag', name: 'Kementerian Agama' },
  { id: 'atr-bpn', name: 'Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional' },
  { id: 'polri', name: 'Kepolisian Negara Republik Indonesia' },
  { id: 'bpjs-kesehatan', name: 'BPJS Kesehatan' },
  { id: 'bpjs-ketenagakerjaan', name: 'BPJS Ketenagakerjaan' },
  { id: 'pln', name: 'PT PLN (Persero)' },
  { id: 'ombudsman-ri', name: 'Ombudsman Republik Indonesia' },
].map((a) => ({ ...a, level: 'NATIONAL' as const, timeZone: 'Asia/Jakarta' as const }));

export const provinceAgencyId = (provinceCode: string) => `pemda-${provinceCode}`;
export const regencyAgencyId = (regencyCode: string) => `pemda-${regencyCode}`;
export const ombudsmanOfficeId = (provinceCode: string) => `ombudsman-${provinceCode}`;

function buildDirectory(): Agency[] {
  const list: Agency[] = [...NATIONAL_AGENCIES];
  for (const p of provinces) {
    list.push({
      id: provinceAgencyId(p.code),
      name: `Pemerintah Provinsi ${p.name}`,
      level: 'PROVINCE',
      regionCode: p.code,
      parentId: 'kemendagri',
      timeZone: p.timeZone,
    });
    list.push({
      id: ombudsmanOfficeId(p.code),
      name: `Ombudsman RI Perwakilan ${p.name}`,
      level: 'OMBUDSMAN',
      regionCode: p.code,
      parentId: 'ombudsman-ri',
      timeZone: p.timeZone,
    });
  }
  const zoneOf = new Map(provinces.map((p) => [p.code, p.timeZone]));
  for (const r of regencies) {
    list.push({
      id: regencyAgencyId(r.code),
      name: `Pemerintah ${r.name}`,
      level: 'REGENCY',
      regionCode: r.code,
      parentId: provinceAgencyId(r.provinceCode),
      timeZone: zoneOf.get(r.provinceCode) ?? 'Asia/Jakarta',
    });
  }
  return list;
}

export const agencies: readonly Agency[] = buildDirectory();
const byId = new Map(agencies.map((a) => [a.id, a]));
export const findAgency = (id: string) => byId.get(id);

export interface AgencyFilter {
  level?: AgencyLevel;
  /** A province code matches the province and everything inside it. */
  regionCode?: string;
}

export function listAgencies(filter: AgencyFilter = {}): Agency[] {
  return agencies.filter(
    (a) =>
      (!filter.level || a.level === filter.level) &&
      (!filter.regionCode || a.regionCode === filter.regionCode || a.regionCode?.startsWith(`${filter.regionCode}.`)),
  );
}
