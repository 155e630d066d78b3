/**
 * Issue 7, in the core and the contracts: each test here failed on the main of the day the issue
 * was filed. The routes themselves are tried by test/e2e/hostile-requests.test.ts and `npm run fuzz`.
 */
import { describe, expect, it } from 'vitest';
import { ROUTE_INPUTS } from '../../functions/contract/routes';
import { submitComplaintSchema } from '../../functions/contract/submit-complaint';
import { canRead, identityMayBeMailedTo, mayReadIdentity } from '../../functions/core/access';
import { findAgency } from '../../functions/core/agencies';
import { findCategory } from '../../functions/core/categories';
import { NATIONAL_POLICY } from '../../functions/core/clocks';
import type { Complaint } from '../../functions/core/complaint';
import { renderNotification } from '../../functions/core/emails/notifications';
import type { DomainError } from '../../functions/core/errors';
import { sweepComplaint } from '../../functions/core/escalation';
import { allowedActions, perform, REPORTER_MESSAGES_PER_DAY } from '../../functions/core/lifecycle';
import { resolveRegion } from '../../functions/core/regions';
import { eraseExpiredIdentity } from '../../functions/core/retention';
import { badung, bali, calendar, ctx, denpasar, policyFor, reporter, staff, verifier } from '../support/actors';
import { aComplaint } from '../support/complaint-fixture';
import { submission } from '../support/fixtures';

const ombudsmanBali = staff('ombudsman-bali', ['OMBUDSMAN'], { provinceCode: '51' });
const operatorWithAgency = staff('operator', ['OPERATOR'], { agencyId: 'pemda-51.03' });
const statute = { respondBy: '2026-04-20T23:59:59+08:00', decideBy: '2026-06-05T23:59:59+08:00', unit: 'CALENDAR_DAYS' as const };

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected an error');
};

/** Verified to Badung on Monday 6 April 2026; follow-up due Monday 13 April. */
const assignedToBadung = () => perform(aComplaint({ statute }), verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' }, ctx('2026-04-06T02:00:00Z')).complaint;

describe('escalation rights end with the assignment (defect 4)', () => {
  it('resets the chain on TRANSFER and VERIFY: Bali neither reads nor answers another agency’s case, and the next miss is blamed on the new one', () => {
    const escalated = sweepComplaint(assignedToBadung(), new Date('2026-04-14T02:00:00Z'), calendar, policyFor)?.complaint as Complaint;
    expect(escalated.escalatedToAgencyIds).toEqual(['pemda-51']);
    expect(allowedActions(escalated, bali, ctx('2026-04-14T03:00:00Z'))).toContain('RESPOND');

    const transferred = perform(escalated, badung, { action: 'TRANSFER', reason: 'Bukan wewenang kami' }, ctx('2026-04-14T04:00:00Z')).complaint;
    expect(transferred).toMatchObject({ escalationLevel: undefined, escalatedToAgencyIds: undefined, copyToAgencyIds: undefined });
    const toDenpasar = perform(transferred, verifier, { action: 'VERIFY', agencyId: 'pemda-51.71' }, ctx('2026-04-14T05:00:00Z')).complaint;
    expect(canRead(toDenpasar, bali)).toBe(false);
    expect(canRead(toDenpasar, badung)).toBe(false);
    expect(allowedActions(toDenpasar, denpasar, ctx('2026-04-14T06:00:00Z'))).toContain('RESPOND');

    const missed = sweepComplaint(toDenpasar, new Date('2026-04-22T02:00:00Z'), calendar, policyFor)?.complaint as Complaint;
    expect(missed.misses?.at(-1)?.agencyId).toBe('pemda-51.71');
    expect(missed.escalatedToAgencyIds).toEqual(['pemda-51']);
  });
});

describe('least privilege for identities (defect 10)', () => {
  it('refuses the Ombudsman, unknown agencies and repeated ids as copy-to agencies', () => {
    const c = aComplaint();
    for (const copyToAgencyIds of [['ombudsman-51'], ['pemda-51', 'pemda-51'], ['no-such-agency']]) {
      const e = errorOf(() => perform(c, verifier, { action: 'VERIFY', agencyId: 'pemda-51.03', copyToAgencyIds }, ctx('2026-04-06T02:00:00Z')));
      expect(e.kind).toBe('VALIDATION');
      expect(e.fieldErrors[0]?.field).toBe('copyToAgencyIds');
    }
    const parsed = ROUTE_INPUTS.complaintActions.body.safeParse({ action: 'VERIFY', agencyId: 'pemda-51.03', copyToAgencyIds: ['pemda-51', 'pemda-51'] });
    expect(parsed.success).toBe(false);
  });

  it('gives an operator who carries an agency attribute no access, and the Ombudsman only what is flagged for its office', () => {
    const c = assignedToBadung();
    expect(canRead({ ...c, confidential: true }, operatorWithAgency)).toBe(false);
    expect(canRead({ ...c, confidential: true }, ombudsmanBali)).toBe(false);
    const flagged: Complaint = {
      ...c,
      confidential: true,
      ombudsmanReview: {
        status: 'OPEN',
        reasons: ['ESCALATION_EXHAUSTED'],
        office: 'ombudsman-51',
        flaggedAt: '2026-04-20T00:00:00Z',
        consentToShareIdentity: false,
      },
    };
    expect(canRead(flagged, ombudsmanBali)).toBe(true);
    expect(canRead(flagged, staff('ombudsman-jatim', ['OMBUDSMAN'], { provinceCode: '35' }))).toBe(false);
  });

  it('shows and mails the identity only to those who must answer, the Ombudsman only with consent', () => {
    const c = perform(
      aComplaint({ statute }),
      verifier,
      { action: 'VERIFY', agencyId: 'pemda-51.03', copyToAgencyIds: ['pemda-51'] },
      ctx('2026-04-06T02:00:00Z'),
    ).complaint;
    expect(mayReadIdentity(c, badung)).toBe(true);
    expect(mayReadIdentity(c, bali)).toBe(false); // a copy
    expect(identityMayBeMailedTo(c, 'pemda-51.03')).toBe(true);
    expect(identityMayBeMailedTo(c, 'pemda-51')).toBe(false);
    const review = { status: 'OPEN' as const, reasons: ['REPORTER_REQUEST' as const], office: 'ombudsman-51', flaggedAt: c.updatedAt };
    expect(identityMayBeMailedTo({ ...c, ombudsmanReview: { ...review, consentToShareIdentity: false } }, 'ombudsman-51')).toBe(false);
    expect(identityMayBeMailedTo({ ...c, ombudsmanReview: { ...review, consentToShareIdentity: true } }, 'ombudsman-51')).toBe(true);
    expect(identityMayBeMailedTo({ ...c, anonymous: true }, 'pemda-51.03')).toBe(false);
  });
});

describe('an ignored Ombudsman recommendation (defect 5)', () => {
  it('re-opens the review and tells the office when the agency lets the Ombudsman deadline pass', () => {
    const exhausted: Complaint = {
      ...assignedToBadung(),
      status: 'IN_PROGRESS',
      escalationExhausted: true,
      ombudsmanReview: {
        status: 'OPEN',
        reasons: ['ESCALATION_EXHAUSTED'],
        office: 'ombudsman-51',
        flaggedAt: '2026-05-01T00:00:00Z',
        consentToShareIdentity: false,
      },
    };
    const returned = perform(
      exhausted,
      ombudsmanBali,
      { action: 'RETURN_TO_AGENCY', recommendation: 'Tindak lanjuti dalam 5 hari kerja', workingDays: 5 },
      ctx('2026-05-04T02:00:00Z'),
    ).complaint;
    expect(returned.ombudsmanReview?.status).toBe('RETURNED');
    const swept = sweepComplaint(returned, new Date('2026-05-20T02:00:00Z'), calendar, policyFor);
    expect(swept?.complaint.ombudsmanReview).toMatchObject({ status: 'OPEN', reasons: ['ESCALATION_EXHAUSTED', 'RECOMMENDATION_IGNORED'] });
    expect(swept?.notifications).toContainEqual({ template: 'OMBUDSMAN_FLAGGED', agencyId: 'ombudsman-51' });
    expect(swept?.complaint.misses?.at(-1)).toMatchObject({ agencyId: 'pemda-51.03' });
    // Once flagged again, a repeated sweep changes nothing.
    expect(sweepComplaint(swept?.complaint as Complaint, new Date('2026-05-20T03:00:00Z'), calendar, policyFor)).toBeUndefined();
  });
});

describe('reporter messages are rate-limited per complaint (defect 8)', () => {
  it(`refuses the ${REPORTER_MESSAGES_PER_DAY + 1}th reply of a day with 429, and accepts again the next day`, () => {
    let c: Complaint = { ...assignedToBadung(), status: 'IN_PROGRESS' };
    for (let i = 0; i < REPORTER_MESSAGES_PER_DAY; i++)
      c = perform(c, reporter, { action: 'REPLY', message: `pesan ${i}` }, ctx('2026-04-07T02:00:00Z')).complaint;
    expect(errorOf(() => perform(c, reporter, { action: 'REPLY', message: 'lagi' }, ctx('2026-04-07T03:00:00Z'))).kind).toBe('TOO_MANY_REQUESTS');
    expect(perform(c, reporter, { action: 'REPLY', message: 'besok' }, ctx('2026-04-08T02:00:00Z')).complaint.reporterMessages).toEqual({
      day: '2026-04-08',
      count: 1,
    });
  });
});

describe('no forged lines in plain-text email (defect 9)', () => {
  it('rejects line breaks, control and bidi characters in one-line fields, naming each', () => {
    const r = submitComplaintSchema.safeParse(
      submission({
        title: 'Jalan rusak\nNama pelapor: Bupati',
        location: { regionCode: '51.03', address: 'Jl. A\r\nEmail pelapor: x@y' },
        reporter: { name: 'Ayu\u202Egnirts' },
      }),
    );
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['location.address', 'reporter.name', 'title']);
    expect(submitComplaintSchema.safeParse(submission({ description: 'Baris satu cukup panjang.\r\nBaris dua.' })).success).toBe(true);
  });

  it('quotes multi-line text so no line of it can pass for one of the mail’s own', () => {
    const c = { ...assignedToBadung(), anonymous: true, description: 'Sampah menumpuk di pasar.\nNama pelapor: Bupati Badung' };
    const mail = renderNotification({
      template: 'AGENCY_REPORTER_REPLY',
      complaint: c,
      category: findCategory(c.categoryId)!,
      region: resolveRegion('51.03'),
      agency: findAgency('pemda-51.03')!,
      message: 'Terima kasih.\nEmail pelapor: palsu@example.com',
      portalUrl: 'https://aduan.example',
    });
    const forged = mail.text.split('\n').filter((l) => /^(Nama|Email) pelapor:/.test(l));
    expect(forged).toEqual([]);
    expect(mail.text).toContain('> Nama pelapor: Bupati Badung');
  });
});

describe('personal data has a retention period (privacy)', () => {
  it('dates the erasure at closure, forgets it on reopening, and erases only an ended complaint whose time is up', () => {
    let c: Complaint = { ...assignedToBadung(), status: 'RESPONDED' };
    c = perform(c, reporter, { action: 'CONFIRM_RESOLVED' }, ctx('2026-04-10T02:00:00Z')).complaint;
    expect(c.identityEraseAfter).toBe(new Date(Date.parse('2026-04-10T02:00:00Z') + NATIONAL_POLICY.identityRetentionDays * 86_400_000).toISOString());
    expect(eraseExpiredIdentity(c, new Date('2027-01-01T00:00:00Z'))).toBeUndefined();
    const erased = eraseExpiredIdentity(c, new Date('2027-04-11T00:00:00Z'));
    expect(erased).toMatchObject({ eraseIdentity: true, complaint: { hasReporterIdentity: false, identityEraseAfter: undefined } });
    const reopened = perform(c, reporter, { action: 'REOPEN', message: 'Sampah kembali menumpuk.' }, ctx('2026-04-13T02:00:00Z')).complaint;
    expect(reopened.identityEraseAfter).toBeUndefined();
    expect(eraseExpiredIdentity(reopened, new Date('2028-01-01T00:00:00Z'))).toBeUndefined();
  });
});
