import { describe, expect, it } from 'vitest';
import { NATIONAL_POLICY, policyResolver } from '../../functions/core/clocks';
import type { Complaint } from '../../functions/core/complaint';
import { parentOf, sweepComplaint } from '../../functions/core/escalation';
import { perform } from '../../functions/core/lifecycle';
import { officialCalendar } from '../../functions/core/official-calendar';
import { aComplaint } from '../support/complaint-fixture';

const calendar = officialCalendar();
const at = (iso: string) => new Date(iso);
const policyFor = policyResolver(NATIONAL_POLICY);
const ctx = (iso: string) => ({ now: at(iso), calendar, policyFor });

// Assigned to Badung on Monday 6 April 2026 (WITA): follow-up due Monday 13 April.
function assigned(): Complaint {
  const c = aComplaint({ statute: { respondBy: '2026-04-20T23:59:59+08:00', decideBy: '2026-06-05T23:59:59+08:00', unit: 'CALENDAR_DAYS' } });

  const verifier = { kind: 'STAFF' as const, principal: { kind: 'STAFF' as const, username: 'v', roles: ['VERIFIER' as const] } };
  return perform(c, verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' }, ctx('2026-04-06T02:00:00Z')).complaint;
}

describe('the escalation chain', () => {
  it('goes regency → province → national agency of the category, or Kemendagri', () => {
    expect(parentOf('pemda-51.03', 'kebersihan-sampah')).toBe('pemda-51');
    expect(parentOf('pemda-51', 'kebersihan-sampah')).toBe('kemendagri');
    expect(parentOf('pemda-51', 'listrik')).toBe('pln');
    expect(parentOf('kemendagri', 'kebersihan-sampah')).toBeUndefined();
  });
});

describe('the sweep, one complaint at a time', () => {
  it('reminds one working day before and on the day, once each', () => {
    const c = assigned();
    expect(c.deadline.date).toBe('2026-04-13');
    expect(sweepComplaint(c, at('2026-04-08T02:00:00Z'), calendar, policyFor)).toBeUndefined();
    const d1 = sweepComplaint(c, at('2026-04-10T02:00:00Z'), calendar, policyFor); // Friday before Monday
    expect(d1?.notifications).toEqual([{ template: 'AGENCY_REMINDER', agencyId: 'pemda-51.03' }]);
    expect(sweepComplaint(d1!.complaint, at('2026-04-10T05:00:00Z'), calendar, policyFor)).toBeUndefined();
    const d0 = sweepComplaint(d1!.complaint, at('2026-04-13T02:00:00Z'), calendar, policyFor);
    expect(d0?.events.map((e) => e.message)).toEqual(['Pengingat: batas waktu tindak lanjut hari ini.']);
  });

  it('escalates a missed follow-up to the province, records the miss, tells both, and keeps the lead agency', () => {
    const r = sweepComplaint(assigned(), at('2026-04-15T02:00:00Z'), calendar, policyFor);
    expect(r?.complaint).toMatchObject({ assignedAgencyId: 'pemda-51.03', escalationLevel: 1, escalatedToAgencyIds: ['pemda-51'] });
    expect(r?.complaint.misses).toEqual([expect.objectContaining({ stage: 'FOLLOW_UP', agencyId: 'pemda-51.03', workingDaysLate: 2 })]);
    expect(r?.notifications.map((n) => [n.template, n.agencyId])).toEqual([
      ['AGENCY_ESCALATED_TO', 'pemda-51'],
      ['AGENCY_ESCALATION_NOTICE', 'pemda-51.03'],
    ]);
    expect(r?.events[0]).toMatchObject({ type: 'ESCALATED', visibility: 'PUBLIC' });
    // The same sweep again at the same moment changes nothing.
    expect(sweepComplaint(r!.complaint, at('2026-04-15T02:00:00Z'), calendar, policyFor)).toBeUndefined();
  });

  it('flags the Ombudsman office of the province when the chain is exhausted', () => {
    let c = assigned();
    let now = at('2026-04-15T02:00:00Z');
    for (let i = 0; i < 3; i++) {
      c = sweepComplaint(c, now, calendar, policyFor)?.complaint ?? c;
      now = new Date(Date.parse(c.deadline.dueAt) + 3_600_000);
    }
    expect(c.escalatedToAgencyIds).toEqual(['pemda-51', 'kemendagri']);
    expect(c.escalationExhausted).toBe(true);
    expect(c.ombudsmanReview).toMatchObject({ status: 'OPEN', reasons: ['ESCALATION_EXHAUSTED'], office: 'ombudsman-51' });
    expect(c.misses).toHaveLength(3);
  });

  it('flags the 60-day resolution limit, and escalates an unverified complaint to the supervisor once', () => {
    const late = sweepComplaint(assigned(), at('2026-06-08T02:00:00Z'), calendar, policyFor);
    expect(late?.complaint.ombudsmanReview?.reasons).toContain('RESOLUTION_LIMIT_PASSED');
    const unverified: Complaint = {
      ...assigned(),
      status: 'SUBMITTED',
      assignedAgencyId: undefined,
      deadline: { stage: 'DISPOSITION', workingDays: 3, date: '2026-04-09', dueAt: '2026-04-09T23:59:59+08:00', timeZone: 'Asia/Makassar' },
    };
    const s = sweepComplaint(unverified, at('2026-04-14T02:00:00Z'), calendar, policyFor);
    expect(s?.notifications).toEqual([{ template: 'SUPERVISOR_UNVERIFIED' }]);
    expect(sweepComplaint(s!.complaint, at('2026-04-15T02:00:00Z'), calendar, policyFor)).toBeUndefined();
  });

  it('sends a complaint transferred three times to the Ombudsman', () => {
    const verifier = { kind: 'STAFF' as const, principal: { kind: 'STAFF' as const, username: 'v', roles: ['VERIFIER' as const] } };
    const officer = (agencyId: string) => ({
      kind: 'STAFF' as const,
      principal: { kind: 'STAFF' as const, username: agencyId, roles: ['AGENCY_OFFICER' as const], agencyId },
    });
    let c = assigned();
    const agencies = ['pemda-51.03', 'pemda-51.71', 'pemda-51.02'];
    for (const [i, a] of agencies.entries()) {
      if (i > 0) c = perform(c, verifier, { action: 'VERIFY', agencyId: a }, ctx('2026-04-07T02:00:00Z')).complaint;
      c = perform(c, officer(a), { action: 'TRANSFER', reason: 'bukan wewenang' }, ctx('2026-04-07T03:00:00Z')).complaint;
    }
    expect(c.transfers).toHaveLength(3);
    expect(c.ombudsmanReview?.reasons).toEqual(['TRANSFERRED_REPEATEDLY']);
  });
});

describe('escalation settings', () => {
  it('follow the per-category and per-agency clock overrides', () => {
    const slow = policyResolver(NATIONAL_POLICY, { byAgency: { 'pemda-51.03': { escalationWorkingDays: 10 } } });
    const r = sweepComplaint(assigned(), at('2026-04-15T02:00:00Z'), calendar, slow);
    expect(r?.complaint.deadline.workingDays).toBe(10);
  });
});
