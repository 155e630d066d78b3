/**
 * Issue 7 against the running system (`npm start`'s process, over HTTP): the hostile requests
 * found by hand, then a generated sample of the fuzz that `npm run fuzz` runs at 10,000+.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../local/staff-seed';
import { get, post, submission } from '../support/fixtures';
import { type FuzzContext, runFuzz, seedFuzzContext } from '../support/hostile-requests';
import { startLocalProcess } from '../support/local-process';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
let ctx: FuzzContext;
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const isProblem = (r: { headers: Headers }) => expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);

beforeAll(async () => {
  sys = await startLocalProcess();
  ctx = await seedFuzzContext(
    sys.api,
    sys.token,
    DEMO_USERS.map((u) => u.username),
    sys.open311Key(),
  );
});
afterAll(async () => sys?.stop());

describe('hostile requests found by hand (issue 7)', () => {
  it('answers a far-future or out-of-range deadline question with 400 at once, and keeps answering', async () => {
    for (const start of ['9999-12-29T00:00:00Z', '+275760-09-12T00:00:00Z', '1900-01-01T00:00:00Z']) {
      const started = Date.now();
      const r = await get(`${sys.api}/v1/calendar/deadline?start=${encodeURIComponent(start)}&workingDays=5&regionCode=31`);
      expect(r.status).toBe(400);
      isProblem(r);
      expect(r.body.errors).toContainEqual(expect.objectContaining({ field: 'start' }));
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    expect((await get(`${sys.api}/v1/calendar/deadline?start=2026-03-18T09:00:00%2B07:00&workingDays=366&regionCode=31`)).status).toBe(400);
    expect((await get(`${sys.api}/v1/health`)).status).toBe(200);
  });

  it('answers 400 problem+json, never 500, for a malformed escape, a forged cursor, a repeated copy-to agency', async () => {
    const badEscape = await get(`${sys.api}/v1/complaints/%ff`);
    expect(badEscape.status).toBe(400);
    isProblem(badEscape);
    const officer = ctx.staffTokens['petugas-badung'] as string;
    for (const cursor of ['abc', 'eyJwayI6IkMjWCJ9', `${'A'.repeat(60)}`]) {
      const r = await get(`${sys.api}/v1/inbox?cursor=${cursor}`, bearer(officer));
      expect(r.status).toBe(400);
      expect(r.body.errors).toContainEqual(expect.objectContaining({ field: 'cursor' }));
    }
    const submitted = await post(`${sys.api}/v1/complaints`, submission());
    const verify = await post(
      `${sys.api}/v1/complaints/${submitted.body.trackingId}/actions`,
      { action: 'VERIFY', agencyId: 'pemda-51.03', copyToAgencyIds: ['pemda-51', 'pemda-51'] },
      bearer(ctx.staffTokens.verifikator as string),
    );
    expect(verify.status).toBe(400);
    expect(verify.body.errors).toContainEqual(expect.objectContaining({ field: 'copyToAgencyIds' }));
  });

  it('pages a cursor it sealed itself, and refuses it on another list', async () => {
    const page1 = await get(`${sys.api}/v1/agencies?limit=5`);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await get(`${sys.api}/v1/agencies?limit=5&cursor=${page1.body.nextCursor}`);
    expect(page2.status).toBe(200);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    const foreign = await get(`${sys.api}/v1/agencies?limit=5&level=PROVINCE&cursor=${page1.body.nextCursor}`);
    expect(foreign.status).toBe(400);
  });

  it('pages the timeline: the newest entries, then older ones through the cursor', async () => {
    const { trackingId, accessToken } = ctx.complaints[0] as { trackingId: string; accessToken: string };
    const whole = await get(`${sys.api}/v1/complaints/${trackingId}`, bearer(accessToken));
    const first = await get(`${sys.api}/v1/complaints/${trackingId}?timelineLimit=1`, bearer(accessToken));
    expect(first.body.timeline).toHaveLength(1);
    expect(first.body.timelineOlderCursor).toEqual(expect.any(String));
    const older = await get(`${sys.api}/v1/complaints/${trackingId}?timelineLimit=200&timelineCursor=${first.body.timelineOlderCursor}`, bearer(accessToken));
    expect([...older.body.timeline, ...first.body.timeline]).toEqual(whole.body.timeline);
  });

  it('names every unknown or repeated query parameter instead of ignoring it', async () => {
    const r = await get(`${sys.api}/v1/categories?debug=1`);
    expect(r.status).toBe(400);
    const repeated = await get(`${sys.api}/v1/agencies?limit=5&limit=500`);
    expect(repeated.status).toBe(400);
    expect(repeated.body.errors).toContainEqual(expect.objectContaining({ field: 'limit' }));
  });

  it('records the reporter identity sent to the agency by email as a disclosure', async () => {
    const { trackingId } = ctx.complaints[0] as { trackingId: string };
    const view = await get(`${sys.api}/v1/complaints/${trackingId}`, bearer(ctx.staffTokens.verifikator as string));
    const deadline = Date.now() + 15_000;
    let disclosed = view.body.timeline.filter((e: { type: string; actor: { kind: string } }) => e.type === 'IDENTITY_READ' && e.actor.kind === 'SYSTEM');
    while (!disclosed.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      const again = await get(`${sys.api}/v1/complaints/${trackingId}`, bearer(ctx.staffTokens.verifikator as string));
      disclosed = again.body.timeline.filter((e: { type: string; actor: { kind: string } }) => e.type === 'IDENTITY_READ' && e.actor.kind === 'SYSTEM');
    }
    expect(disclosed[0]).toMatchObject({ agency: { id: 'pemda-51.03' }, visibility: 'INTERNAL' });
  });
});

describe('generated hostile requests (a sample; `npm run fuzz` sends 10,000+)', () => {
  it('never answers 5xx, never hangs, answers every 4xx as problem+json, and stays healthy', async () => {
    const f = await runFuzz(sys.api, ctx, { count: 600, seed: 20261129, concurrency: 6 });
    expect(f.serverErrors).toEqual([]);
    expect(f.hangs).toEqual([]);
    expect(f.notProblemJson).toEqual([]);
    expect(f.healthAfter).toBe(200);
    expect(f.requests).toBe(600);
  }, 120_000);
});
