import { describe, expect, it } from 'vitest';
import { chooseAgency, route } from '../../functions/core/routing';
import { calendar, policyFor } from '../support/actors';
import { aComplaint } from '../support/complaint-fixture';

const complaint = (categoryId: string, regionCode: string, targetAgencyId?: string) => ({
  categoryId,
  location: { regionCode },
  ...(targetAgencyId ? { targetAgencyId } : {}),
});

describe('routing', () => {
  it('sends a regency-level category in 51.03 to the Kabupaten Badung government', () => {
    expect(chooseAgency(complaint('kebersihan-sampah', '51.03'))).toEqual({ kind: 'AGENCY', agencyId: 'pemda-51.03', method: 'CATEGORY_REGION' });
  });

  it('sends a province-level category to the province of the regency', () => {
    expect(chooseAgency(complaint('pendidikan-menengah', '51.03'))).toMatchObject({ agencyId: 'pemda-51' });
    expect(chooseAgency(complaint('jalan-provinsi', '51'))).toMatchObject({ agencyId: 'pemda-51' });
  });

  it('sends a national category to its agency wherever it happened', () => {
    expect(chooseAgency(complaint('listrik', '91.01'))).toMatchObject({ agencyId: 'pln' });
    expect(chooseAgency(complaint('jaminan-kesehatan', '51'))).toMatchObject({ agencyId: 'bpjs-kesehatan' });
  });

  it("honours the citizen's target agency when it is a real agency", () => {
    expect(chooseAgency(complaint('kebersihan-sampah', '51.03', 'pemda-51.71'))).toEqual({ kind: 'AGENCY', agencyId: 'pemda-51.71', method: 'TARGET_AGENCY' });
  });

  it('ignores a target that is unknown or an Ombudsman office', () => {
    expect(chooseAgency(complaint('kebersihan-sampah', '51.03', 'nope'))).toMatchObject({ agencyId: 'pemda-51.03', method: 'CATEGORY_REGION' });
    expect(chooseAgency(complaint('kebersihan-sampah', '51.03', 'ombudsman-51'))).toMatchObject({ agencyId: 'pemda-51.03' });
  });

  it('waits for manual routing when the region is too coarse or the category has no owner', () => {
    expect(chooseAgency(complaint('kebersihan-sampah', '51'))).toMatchObject({ kind: 'MANUAL' });
    expect(chooseAgency(complaint('lainnya', '51.03'))).toMatchObject({ kind: 'MANUAL' });
  });
});

describe('an inactive agency', () => {
  it('hands a complaint routed to it to the agency acting for it, and says so', () => {
    const c = aComplaint({ categoryId: 'kebersihan-sampah', location: { regionCode: '51.08' }, status: 'SUBMITTED', routing: { state: 'PENDING' } });
    const change = route(c, {
      automatic: () => true,
      now: new Date('2026-11-30T02:00:00Z'),
      calendar,
      policyFor,
      actingFor: (id) => (id === 'pemda-51.08' ? 'pemda-51' : id),
    });
    expect(change?.complaint.assignedAgencyId).toBe('pemda-51');
    expect(change?.events[0]?.message).toContain('tidak aktif');
    expect(change?.notifications[0]).toEqual({ template: 'AGENCY_ASSIGNED', agencyId: 'pemda-51' });
  });
});
