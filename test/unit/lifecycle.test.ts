import { describe, expect, it } from 'vitest';
import { type Actor, canRead, relationOf } from '../../functions/core/access';
import type { ActionInput } from '../../functions/core/actions';
import { NATIONAL_POLICY, policyResolver } from '../../functions/core/clocks';
import { COMPLAINT_STATUSES, type Complaint } from '../../functions/core/complaint';
import type { DomainError } from '../../functions/core/errors';
import { allowedActions, perform, TRANSITIONS } from '../../functions/core/lifecycle';
import { archiveForNoAnswer, closeForSilence } from '../../functions/core/reporter-silence';
import { badung, bali, calendar, ctx, denpasar, reporter, verifier } from '../support/actors';
import { aComplaint } from '../support/complaint-fixture';

const submitted = (): Complaint =>
  aComplaint({
    categoryId: 'jalan-kabupaten-kota',
    anonymous: true,
    submittedAt: '2026-03-16T01:00:00.000Z',
    updatedAt: '2026-03-16T01:00:00.000Z',
    suggestedAgencyId: 'pemda-51.03',
    deadline: { stage: 'DISPOSITION', workingDays: 3, date: '2026-03-25', dueAt: '2026-03-25T23:59:59+08:00', timeZone: 'Asia/Makassar' },
  });

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).kind;
  }
  return 'OK';
};

describe('the state machine', () => {
  it('takes a complaint from verification to a rated closure, each step stamping the right deadline', () => {
    // Wednesday 18 March 2026, 09:00 WITA: 5 working days end Tuesday 31 March (cuti bersama, Nyepi, Idul Fitri).
    let r = perform(submitted(), verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' }, ctx('2026-03-18T01:00:00Z'));
    expect(r.complaint).toMatchObject({ status: 'ASSIGNED', assignedAgencyId: 'pemda-51.03', deadline: { stage: 'FOLLOW_UP', date: '2026-03-31' } });
    expect(r.notifications.map((n) => n.template)).toEqual(['AGENCY_ASSIGNED', 'REPORTER_VERIFIED']);
    r = perform(r.complaint, badung, { action: 'ACKNOWLEDGE' }, ctx('2026-03-25T01:00:00Z'));
    expect(r.complaint.status).toBe('IN_PROGRESS');
    r = perform(r.complaint, badung, { action: 'RESPOND', message: 'Perbaikan Jumat ini.' }, ctx('2026-03-26T01:00:00Z'));
    expect(r.complaint).toMatchObject({ status: 'RESPONDED', deadline: { stage: 'REPORTER_CONFIRMATION', workingDays: 10 } });
    r = perform(r.complaint, reporter, { action: 'REPLY', message: 'Belum diperbaiki.' }, ctx('2026-03-27T01:00:00Z'));
    expect(r.complaint).toMatchObject({ status: 'IN_PROGRESS', deadline: { stage: 'FOLLOW_UP', workingDays: 5 } });
    expect(r.notifications).toEqual([{ template: 'AGENCY_REPORTER_REPLY', agencyId: 'pemda-51.03', message: 'Belum diperbaiki.' }]);
    r = perform(r.complaint, badung, { action: 'RESPOND', message: 'Sudah diperbaiki.' }, ctx('2026-03-30T01:00:00Z'));
    r = perform(r.complaint, reporter, { action: 'CONFIRM_RESOLVED' }, ctx('2026-03-31T01:00:00Z'));
    expect(r.complaint).toMatchObject({ status: 'CLOSED', closure: { how: 'CONFIRMED_BY_REPORTER' } });
    r = perform(r.complaint, reporter, { action: 'RATE', score: 5 }, ctx('2026-03-31T02:00:00Z'));
    expect(r.complaint.rating?.score).toBe(5);
    expect(code(() => perform(r.complaint, reporter, { action: 'RATE', score: 1 }, ctx('2026-03-31T03:00:00Z')))).toBe('CONFLICT');
  });

  it('answers a forbidden transition with 409 and a wrong role with 403', () => {
    const c = submitted();
    expect(code(() => perform(c, badung, { action: 'RESPOND', message: 'x' }, ctx('2026-03-18T01:00:00Z')))).toBe('FORBIDDEN');
    expect(code(() => perform(c, reporter, { action: 'VERIFY', agencyId: 'pemda-51.03' }, ctx('2026-03-18T01:00:00Z')))).toBe('FORBIDDEN');
    const assigned = perform(c, verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' }, ctx('2026-03-18T01:00:00Z')).complaint;
    expect(code(() => perform(assigned, verifier, { action: 'VERIFY', agencyId: 'pemda-51' }, ctx('2026-03-18T02:00:00Z')))).toBe('CONFLICT');
    expect(code(() => perform(assigned, reporter, { action: 'CONFIRM_RESOLVED' }, ctx('2026-03-18T02:00:00Z')))).toBe('CONFLICT');
    expect(code(() => perform(assigned, denpasar, { action: 'ACKNOWLEDGE' }, ctx('2026-03-18T02:00:00Z')))).toBe('FORBIDDEN');
  });

  it('pauses the disposition clock on hold and gives the verifiers their remaining days back on the reply', () => {
    // Monday 16 March: due Wednesday 25 March; on Monday 16 there are several working days left.
    const held = perform(submitted(), verifier, { action: 'HOLD', question: 'Di KM berapa?' }, ctx('2026-03-16T02:00:00Z'));
    expect(held.complaint).toMatchObject({ status: 'ON_HOLD', deadline: { stage: 'REPORTER_ANSWER', workingDays: 10 } });
    const left = held.complaint.hold?.remainingDispositionDays as number;
    expect(left).toBeGreaterThan(0);
    const answered = perform(held.complaint, reporter, { action: 'REPLY', message: 'KM 12.' }, ctx('2026-04-06T02:00:00Z'));
    expect(answered.complaint).toMatchObject({ status: 'SUBMITTED', deadline: { stage: 'DISPOSITION', workingDays: left } });
    expect(answered.complaint.hold).toBeUndefined();
  });

  it('sends a bukan-wewenang transfer back to the verifiers with the suggestion, and counts it', () => {
    const assigned = perform(submitted(), verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' }, ctx('2026-03-18T01:00:00Z')).complaint;
    const t = perform(assigned, badung, { action: 'TRANSFER', reason: 'Jalan provinsi', suggestedAgencyId: 'pemda-51' }, ctx('2026-03-25T01:00:00Z'));
    expect(t.complaint).toMatchObject({ status: 'SUBMITTED', suggestedAgencyId: 'pemda-51', routing: { state: 'AWAITING_VERIFICATION' } });
    expect(t.complaint.transfers).toHaveLength(1);
    expect(t.complaint.assignedAgencyId).toBeUndefined();
    const again = perform(t.complaint, verifier, { action: 'VERIFY', agencyId: 'pemda-51' }, ctx('2026-03-26T01:00:00Z'));
    expect(again.notifications[0]).toEqual({ template: 'AGENCY_TRANSFER_IN', agencyId: 'pemda-51' });
    // Rights follow the current assignment only (issue 7): Badung no longer reads it, nor acts on it.
    expect(canRead(again.complaint, badung)).toBe(false);
    expect(allowedActions(again.complaint, badung, ctx('2026-03-26T02:00:00Z'))).toEqual([]);
    expect(canRead(again.complaint, denpasar)).toBe(false);
    expect(allowedActions(again.complaint, bali, ctx('2026-03-26T02:00:00Z'))).toEqual(['ACKNOWLEDGE', 'RESPOND', 'TRANSFER', 'COMMENT']);
  });

  it('lets copy-to agencies read and comment, nothing more', () => {
    const r = perform(submitted(), verifier, { action: 'VERIFY', agencyId: 'pemda-51.03', copyToAgencyIds: ['pemda-51'] }, ctx('2026-03-18T01:00:00Z'));
    expect(r.notifications.map((n) => [n.template, n.agencyId])).toContainEqual(['AGENCY_ASSIGNED', 'pemda-51']);
    expect(canRead(r.complaint, bali)).toBe(true);
    expect(allowedActions(r.complaint, bali, ctx('2026-03-18T02:00:00Z'))).toEqual(['COMMENT']);
  });

  it('never lifts the privacy a reporter chose', () => {
    const r = perform(submitted(), verifier, { action: 'VERIFY', agencyId: 'pemda-51.03', anonymous: false, confidential: true }, ctx('2026-03-18T01:00:00Z'));
    expect(r.complaint).toMatchObject({ anonymous: true, confidential: true });
  });

  it('reopens only within the window, and closes silent follow-ups and unanswered holds on schedule', () => {
    let c = perform(submitted(), verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' }, ctx('2026-04-06T01:00:00Z')).complaint;
    c = perform(c, badung, { action: 'RESPOND', message: 'Selesai.' }, ctx('2026-04-07T01:00:00Z')).complaint;
    expect(closeForSilence(c, new Date('2026-04-10T01:00:00Z'))).toBeUndefined();
    const closed = closeForSilence(c, new Date('2026-04-23T01:00:00Z'));
    expect(closed?.complaint).toMatchObject({ status: 'CLOSED', closure: { how: 'NO_REPLY_FROM_REPORTER' } });
    const reopenLate = () => perform(closed!.complaint, reporter, { action: 'REOPEN', message: 'Rusak lagi' }, ctx('2026-06-30T01:00:00Z'));
    expect(code(reopenLate)).toBe('CONFLICT');
    const reopened = perform(closed!.complaint, reporter, { action: 'REOPEN', message: 'Rusak lagi' }, ctx('2026-04-24T01:00:00Z'));
    expect(reopened.complaint).toMatchObject({ status: 'IN_PROGRESS', reopenCount: 1 });
    const held = perform(submitted(), verifier, { action: 'HOLD', question: '?' }, ctx('2026-04-06T01:00:00Z')).complaint;
    expect(archiveForNoAnswer(held, new Date('2026-04-30T01:00:00Z'))?.complaint).toMatchObject({
      status: 'ARCHIVED',
      archive: { reason: 'NO_ANSWER_FROM_REPORTER' },
    });
  });

  it('enforces every row of the table: an action from a state its row does not list is a 409, whoever asks', () => {
    // An actor of each relation the table names, on a complaint in any state (assigned to Badung).
    const actors: Partial<Record<string, Actor>> = { VERIFIER: verifier, ASSIGNED_OFFICER: badung, REPORTER: reporter };
    const inputs: Record<string, ActionInput> = {
      VERIFY: { action: 'VERIFY', agencyId: 'pemda-51.03' },
      HOLD: { action: 'HOLD', question: 'Di mana?' },
      ARCHIVE: { action: 'ARCHIVE', reason: 'NOT_ACTIONABLE' },
      ACKNOWLEDGE: { action: 'ACKNOWLEDGE' },
      RESPOND: { action: 'RESPOND', message: 'x' },
      TRANSFER: { action: 'TRANSFER', reason: 'x' },
      COMMENT: { action: 'COMMENT', message: 'x' },
      REPLY: { action: 'REPLY', message: 'x' },
      CONFIRM_RESOLVED: { action: 'CONFIRM_RESOLVED' },
      REOPEN: { action: 'REOPEN', message: 'x' },
      RATE: { action: 'RATE', score: 3 },
    };
    let checked = 0;
    for (const [name, input] of Object.entries(inputs)) {
      const rule = TRANSITIONS[name as keyof typeof TRANSITIONS];
      for (const status of COMPLAINT_STATUSES.filter((s) => !rule.from.includes(s))) {
        for (const relation of rule.who) {
          const actor = actors[relation];
          if (!actor) continue;
          const c = aComplaint({ status, assignedAgencyId: 'pemda-51.03' });
          // Only where the actor holds that relation in that state (an officer has none before assignment).
          if (relationOf(c, actor) !== relation) continue;
          expect(
            code(() => perform(c, actor, input, ctx('2026-03-18T01:00:00Z'))),
            `${name} from ${status} by ${relation}`,
          ).toBe('CONFLICT');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe('clocks per category and agency', () => {
  it('override the national defaults, the agency over the category', () => {
    const policyFor = policyResolver(NATIONAL_POLICY, {
      byCategory: { 'jalan-kabupaten-kota': { followUpWorkingDays: 14 } },
      byAgency: { 'pemda-51.03': { followUpWorkingDays: 10 } },
    });
    expect(policyFor({ categoryId: 'kebersihan-sampah' }).followUpWorkingDays).toBe(5);
    expect(policyFor({ categoryId: 'jalan-kabupaten-kota' }).followUpWorkingDays).toBe(14);
    expect(policyFor({ categoryId: 'jalan-kabupaten-kota' }, 'pemda-51.03').followUpWorkingDays).toBe(10);
    // A service standard's own complaint-handling clock is the most specific promise.
    const service = { id: 'badung-ktp-el', agencyId: 'pemda-51.03', name: 'KTP-el', clocks: { followUpWorkingDays: 3 } };
    expect(policyFor({ categoryId: 'jalan-kabupaten-kota', service }, 'pemda-51.03').followUpWorkingDays).toBe(3);
    expect(policyFor({ categoryId: 'jalan-kabupaten-kota', service }, 'pemda-51.03').dispositionWorkingDays).toBe(3);
    const c = { ...submittedForPolicy(), categoryId: 'jalan-kabupaten-kota' };
    const r = perform(c, verifier, { action: 'VERIFY', agencyId: 'pemda-51' }, { now: new Date('2026-04-06T01:00:00Z'), calendar, policyFor });
    expect(r.complaint.deadline).toMatchObject({ stage: 'FOLLOW_UP', workingDays: 14 });
  });
});

function submittedForPolicy(): Complaint {
  return aComplaint({ hasReporterIdentity: false });
}
