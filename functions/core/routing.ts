import { findAgency, provinceAgencyId, regencyAgencyId } from './agencies';
import { findCategory } from './categories';
import type { Complaint, RoutingMethod } from './complaint';
import { resolveRegion } from './regions';

export type RoutingDecision = { kind: 'AGENCY'; agencyId: string; method: RoutingMethod } | { kind: 'MANUAL'; reason: string };

/**
 * The competent agency: the citizen's own choice when it names a real agency that takes
 * complaints, else the category's level of government in the complaint's region.
 */
export function chooseAgency(complaint: Pick<Complaint, 'targetAgencyId' | 'categoryId' | 'location'>): RoutingDecision {
  if (complaint.targetAgencyId) {
    const target = findAgency(complaint.targetAgencyId);
    if (target && target.level !== 'OMBUDSMAN') return { kind: 'AGENCY', agencyId: target.id, method: 'TARGET_AGENCY' };
  }
  const category = findCategory(complaint.categoryId);
  if (!category) return { kind: 'MANUAL', reason: `Kategori tidak dikenal: ${complaint.categoryId}` };
  const region = resolveRegion(complaint.location.regionCode);
  const handler = category.handledBy;
  switch (handler.level) {
    case 'NATIONAL':
      return findAgency(handler.agencyId)
        ? { kind: 'AGENCY', agencyId: handler.agencyId, method: 'CATEGORY_REGION' }
        : { kind: 'MANUAL', reason: `Instansi kategori tidak ada: ${handler.agencyId}` };
    case 'PROVINCE':
      return region
        ? { kind: 'AGENCY', agencyId: provinceAgencyId(region.province.code), method: 'CATEGORY_REGION' }
        : { kind: 'MANUAL', reason: 'Wilayah tidak dikenal' };
    case 'REGENCY':
      return region?.regency
        ? { kind: 'AGENCY', agencyId: regencyAgencyId(region.regency.code), method: 'CATEGORY_REGION' }
        : { kind: 'MANUAL', reason: 'Kategori ditangani kabupaten/kota, tetapi lokasi hanya menyebut provinsi' };
    case 'MANUAL':
      return { kind: 'MANUAL', reason: 'Kategori memerlukan penentuan instansi oleh verifikator' };
  }
}
