/**
 * Issue 7 (defects 8 and 11): one bad complaint or one failing office never stops a scheduled
 * run for the others, and the Ombudsman digest lists every flag. Logic only: the ports here are
 * small in-memory stand-ins; the same use cases run against the emulators in test/integration.
 */
import { describe, expect, it } from 'vitest';
import { findAgency } from '../../functions/core/agencies';
import { NATIONAL_POLICY, policyResolver } from '../../functions/core/clocks';
import type { Complaint } from '../../functions/core/complaint';
import { perform } from '../../functions/core/lifecycle';
import { officialCalendar } from '../../functions/core/official-calendar';
import type { Deps } from '../../functions/use-cases/deps';
import { sendOmbudsmanDigests } from '../../functions/use-cases/ombudsman-digest';
import { sweepDeadlines } from '../../functions/use-cases/sweep-deadlines';
import { aComplaint } from '../support/complaint-fixture';

const calendar = officialCalendar();
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const verifier = { kind: 'STAFF' as const, principal: { kind: 'STAFF' as const, username: 'v', roles: ['VERIFIER' as const] } };

function assigned(trackingId: string): Complaint {
  const c = aComplaint({ trackingId });
  return perform(
    c,
    verifier,
    { action: 'VERIFY', agencyId: 'pemda-51.03' },
    { now: new Date('2026-04-06T02:00:00Z'), calendar, policyFor: policyResolver(NATIONAL_POLICY) },
  ).complaint;
}

describe('a sweep isolates the complaint it cannot write', () => {
  it('escalates every other overdue complaint and reports the failure', async () => {
    const due = ['AAAAA-AAAA1', 'BBBBB-BBBB1', 'CCCCC-CCCC1'].map(assigned);
    const written: string[] = [];
    const store = {
      dueBy: async (stage: string) => (stage === 'FOLLOW_UP' ? due : []),
      statuteDueBy: async () => [],
      update: async (next: Complaint) => {
        // An item at DynamoDB's 400 KB limit: every write to it fails.
        if (next.trackingId === 'BBBBB-BBBB1') throw new Error('ValidationException: Item size has exceeded the maximum allowed size');
        written.push(next.trackingId);
        return true;
      },
      markDispatched: async () => undefined,
    };
    const deps = {
      store,
      queue: { send: async () => undefined },
      clock: { now: () => new Date('2026-04-20T02:00:00Z') },
      calendar: { current: async () => calendar },
      policyFor: policyResolver(NATIONAL_POLICY),
      logger: quiet,
    } as unknown as Deps;
    const r = await sweepDeadlines(deps, { limit: 100 });
    expect(r).toMatchObject({ escalated: 2, failed: 1 });
    expect(written.sort()).toEqual(['AAAAA-AAAA1', 'CCCCC-CCCC1']);
  });
});

describe('the Ombudsman digest', () => {
  const flagged = (n: number, office: string): Complaint[] =>
    Array.from({ length: n }, (_, i) => ({
      ...assigned(`F${String(i).padStart(4, '0')}-AAAA1`),
      ombudsmanReview: {
        status: 'OPEN',
        reasons: ['ESCALATION_EXHAUSTED'],
        office,
        flaggedAt: `2026-04-2${Math.floor(i / 100)}T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
        consentToShareIdentity: false,
      },
    }));

  it('lists every flag since the last digest (not the first 200), moves its watermark to the last one listed, and one office’s failure spares the others', async () => {
    const bali = flagged(250, 'ombudsman-51');
    const jatim = flagged(3, 'ombudsman-35');
    const completed: Record<string, { watermark: string; count: number }> = {};
    const sent: string[] = [];
    const store = {
      reviewsFlaggedSince: async (office: string, _since: string, limit: number) =>
        (office === 'ombudsman-51' ? bali : office === 'ombudsman-35' ? jatim : office === 'ombudsman-31' ? flagged(1, office) : []).slice(0, limit),
    };
    const digests = {
      lastWatermark: async () => undefined,
      claim: async () => true,
      complete: async (office: string, _date: string, s: { watermark: string; count: number }) => {
        completed[office] = s;
      },
      release: async () => undefined,
    };
    const deps = {
      store,
      digests,
      clock: { now: () => new Date('2026-04-22T03:00:00Z') }, // 10:00–12:00 local everywhere, a Wednesday
      calendar: { current: async () => calendar },
      agencyEmailDomain: 'instansi.example',
      directory: { contact: async () => undefined },
      portalUrl: 'https://aduan.example',
      logger: quiet,
      mailer: {
        send: async (to: string) => {
          // Jakarta's mail server refuses today.
          if (to.startsWith('ombudsman-31@')) throw new Error('MessageRejected');
          sent.push(to);
          return { messageId: to };
        },
      },
    } as unknown as Deps;
    const r = await sendOmbudsmanDigests(deps);
    expect(r.failed).toBe(1);
    expect(r.sent).toBe(2);
    expect(sent.sort()).toEqual(['ombudsman-35@instansi.example', 'ombudsman-51@instansi.example']);
    expect(completed['ombudsman-51']).toEqual({
      count: 250,
      watermark: `${bali.at(-1)?.ombudsmanReview?.flaggedAt}#${bali.at(-1)?.trackingId}`,
      at: '2026-04-22T03:00:00.000Z',
    });
    expect(findAgency('ombudsman-31')).toBeDefined();
  });
});
