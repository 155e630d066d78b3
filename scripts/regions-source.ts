import { getProvinces, getRegencies } from 'idn-area-data';

export interface RegionsFile {
  source: string;
  provinces: { code: string; name: string }[];
  regencies: { code: string; provinceCode: string; name: string }[];
}

export async function buildRegionsFile(): Promise<RegionsFile> {
  const provinces = await getProvinces();
  const regencies = await getRegencies({ transform: true });
  return {
    source: 'npm idn-area-data 4.x (Kemendagri codes)',
    provinces: provinces.map((p) => ({ code: p.code, name: p.name })),
    regencies: regencies.map((r) => ({ code: r.code, provinceCode: r.provinceCode, name: r.name })),
  };
}
