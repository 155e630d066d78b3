import regionsFile from '../../data/regions.json';

export type TimeZoneId = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

export interface Province {
  code: string;
  name: string;
  timeZone: TimeZoneId;
}
export interface Regency {
  code: string;
  provinceCode: string;
  name: string;
  kind: 'KABUPATEN' | 'KOTA';
}

// Indonesia keeps no daylight saving, so a province's zone fixes its UTC offset.
// Kalimantan Barat and Tengah are WIB; the rest of Kalimantan, Bali, Nusa Tenggara and
// Sulawesi are WITA; Maluku and Papua are WIT.
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

export function timeZoneOfProvince(code: string): TimeZoneId {
  if (WITA.has(code)) return 'Asia/Makassar';
  if (WIT.has(code)) return 'Asia/Jayapura';
  return 'Asia/Jakarta';
}

export const provinces: readonly Province[] = regionsFile.provinces.map((p) => ({
  ...p,
  timeZone: timeZoneOfProvince(p.code),
}));
export const regencies: readonly Regency[] = regionsFile.regencies.map((r) => ({
  ...r,
  kind: r.name.startsWith('Kota ') ? 'KOTA' : 'KABUPATEN',
}));

const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
const regencyByCode = new Map(regencies.map((r) => [r.code, r]));

export interface ResolvedRegion {
  code: string;
  name: string;
  province: Province;
  regency?: Regency;
}

/** A region code is a province (`51`) or a regency/city (`51.03`). */
export function resolveRegion(code: string): ResolvedRegion | undefined {
  const regency = regencyByCode.get(code);
  if (regency) {
    const province = provinceByCode.get(regency.provinceCode);
    return province ? { code, name: `${regency.name}, ${province.name}`, province, regency } : undefined;
  }
  const province = provinceByCode.get(code);
  return province ? { code, name: province.name, province } : undefined;
}
