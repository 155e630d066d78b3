/**
 * The rest of the use cases on the in-memory tier (issue 19): the public feed and the complaint's
 * three views (checked against the answers the contract declares), support, duplicate
 * suggestions, the outbox relay, the retention sweep, the reporter's clocks, Open311's reads,
 * uploads and audited downloads, and the statistics cache. Milliseconds, no emulator.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { attachmentCleaner } from '../../functions/adapters/attachment-cleaner';
import { complaintViewOutput } from '../../functions/contract/outputs/complaint';
import { publicFeedOutput } from '../../functions/contract/outputs/public-feed';
import type { Caller } from '../../functions/core/access';
import type { MessageQueue } from '../../functions/core/ports';
import type { StaffRole } from '../../functions/core/staff';
import { actOnComplaint } from '../../functions/use-cases/act-on-complaint';
import { checkUpload, downloadAttachment, requestUpload } from '../../functions/use-cases/attachments';
import { relayOutbox } from '../../functions/use-cases/dispatch-outbox';
import { suggestDuplicates } from '../../functions/use-cases/duplicates';
import { getComplaint } from '../../functions/use-cases/get-complaint';
import { inbox } from '../../functions/use-cases/inbox';
import { listPublicComplaints } from '../../functions/use-cases/list-public-complaints';
import { open311Request, open311Requests, open311ServiceDefinition, open311Services } from '../../functions/use-cases/open311';
import { eraseExpiredIdentities } from '../../functions/use-cases/personal-data';
import { routeComplaint } from '../../functions/use-cases/route-complaint';
import { cachedMonthlyStats } from '../../functions/use-cases/stats';
import { submitComplaint } from '../../functions/use-cases/submit-complaint';
import { supportComplaint } from '../../functions/use-cases/support';
import { sweepReporterDeadlines } from '../../functions/use-cases/sweep-reporter-deadlines';
import { potholeInput } from '../support/complaint-fixture';
import { memoryDeps } from '../support/in-memory';
import { InMemoryAttachmentStorage } from '../support/in-memory-ports';

const input = potholeInput();
type Memory = ReturnType<typeof memoryDeps>;
const staff = (username: string, roles: StaffRole[], agencyId?: string): Caller => ({
  kind: 'STAFF',
  principal: { kind: 'STAFF', username, roles, ...(agencyId ? { agencyId } : {}) },
});
const verifier = staff('verifikator', ['VERIFIER']);
const badung = staff('petugas-badung', ['AGENCY_OFFICER'], 'pemda-51.03');
const anyone: Caller = { kind: 'NONE' };

/** Submitted, routed and verified to Badung: publicly listed unless confidential. */
async function assigned(m: Memory, over: Partial<typeof input> = {}) {
  const r = await submitComplaint(m.deps, { ...input, ...over });
  await routeComplaint(m.deps, r.trackingId);
  await actOnComplaint(m.deps, r.trackingId, verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' });
  return { trackingId: r.trackingId, reporter: { kind: 'TOKEN', token: r.accessToken } as Caller };
}

describe('what the public and each party read, as declared', () => {
  it('answers the public, the reporter and staff with their declared views, and lists no confidential complaint', async () => {
    const m = memoryDeps();
    const open = await assigned(m);
    const secret = await assigned(m, { confidential: true, title: 'Pungutan di kantor kecamatan' });
    const views = [
      await getComplaint(m.deps, open.trackingId, anyone),
      await getComplaint(m.deps, open.trackingId, open.reporter),
      await getComplaint(m.deps, open.trackingId, badung),
    ];
    expect(views.map((v) => v.view)).toEqual(['PUBLIC', 'REPORTER', 'STAFF']);
    for (const v of views) expect(complaintViewOutput.safeParse(v).error?.issues).toBeUndefined();
    // The public view carries no identity, not even the key.
    expect(Object.keys(views[0] as object)).not.toContain('reporter');
    expect(views[1]).toMatchObject({ reporter: { name: 'Made Uji' } });
    expect(views[2]).toMatchObject({ reporter: { withheld: true, revealable: true } });
    const feed = await listPublicComplaints(m.deps, { limit: 10 });
    expect(publicFeedOutput.safeParse(feed).success).toBe(true);
    expect(feed.items.map((i) => i.trackingId)).toEqual([open.trackingId]);
    await expect(getComplaint(m.deps, secret.trackingId, anyone)).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });

  it('walks past empty months to the next complaint in one page, and ends the feed without empty pages', async () => {
    const m = memoryDeps();
    m.setNow('2025-01-15T02:00:00Z');
    const old = await assigned(m, { title: 'Lampu jalan mati sejak lama' });
    m.setNow('2026-11-20T02:00:00Z');
    const recent = await assigned(m);
    const first = await listPublicComplaints(m.deps, { limit: 1 });
    expect(first.items.map((i) => i.trackingId)).toEqual([recent.trackingId]);
    // 22 empty months lie between them: the next page reaches the old one, not an empty page.
    const second = await listPublicComplaints(m.deps, { limit: 1, cursor: first.nextCursor as string });
    expect(second.items.map((i) => i.trackingId)).toEqual([old.trackingId]);
    const last = await listPublicComplaints(m.deps, { limit: 1, cursor: second.nextCursor as string });
    expect(last).toEqual({ items: [], nextCursor: null });
  });

  it('never shows a closed complaint as overdue in a queue, and names its region (issue 23)', async () => {
    const m = memoryDeps();
    const c = await assigned(m);
    await actOnComplaint(m.deps, c.trackingId, badung, { action: 'RESPOND', message: 'Sudah ditambal.' });
    await actOnComplaint(m.deps, c.trackingId, c.reporter, { action: 'CONFIRM_RESOLVED' });
    await actOnComplaint(m.deps, c.trackingId, c.reporter, { action: 'REQUEST_OMBUDSMAN_REVIEW', consentToShareIdentity: false });
    // Weeks later, long past the deadline the complaint had when it closed.
    m.setNow('2026-12-30T02:00:00Z');
    const queue = await inbox(m.deps, { kind: 'STAFF', username: 'ombudsman-bali', roles: ['OMBUDSMAN'], provinceCode: '51' }, {});
    expect(queue.items.map((i) => [i.trackingId, i.status, i.overdue, i.regionName])).toEqual([[c.trackingId, 'CLOSED', false, 'Kabupaten Badung, Bali']]);
  });

  it('counts one support per device, and refuses what the public cannot see', async () => {
    const m = memoryDeps();
    const open = await assigned(m);
    const secret = await assigned(m, { confidential: true });
    expect(await supportComplaint(m.deps, open.trackingId, 'device-a', '203.0.113.7')).toMatchObject({ added: true, supporters: 1 });
    expect(await supportComplaint(m.deps, open.trackingId, 'device-a', '203.0.113.7')).toMatchObject({ added: false, supporters: 1 });
    expect(await supportComplaint(m.deps, open.trackingId, 'device-b', '203.0.113.8')).toMatchObject({ supporters: 2 });
    expect((await getComplaint(m.deps, open.trackingId, anyone)).support).toEqual({ supporters: 2, duplicates: 0 });
    await expect(supportComplaint(m.deps, secret.trackingId, 'device-a', '203.0.113.7')).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });

  it('suggests the likely duplicate to the verifier only', async () => {
    const m = memoryDeps();
    const first = await submitComplaint(m.deps, input);
    await routeComplaint(m.deps, first.trackingId);
    m.setNow('2026-04-06T05:00:00Z');
    const second = await submitComplaint(m.deps, { ...input, reporter: { name: 'Ketut Uji', email: 'ketut@example.com' } });
    await routeComplaint(m.deps, second.trackingId);
    const suggested = await suggestDuplicates(m.deps, second.trackingId, verifier);
    expect(suggested.items.map((i) => i.trackingId)).toContain(first.trackingId);
    // Before verification a complaint is nobody's at an agency: Badung's officer does not even see it.
    await expect(suggestDuplicates(m.deps, second.trackingId, badung)).rejects.toMatchObject({ kind: 'NOT_FOUND' });
    await actOnComplaint(m.deps, second.trackingId, verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' });
    await expect(suggestDuplicates(m.deps, second.trackingId, badung)).rejects.toMatchObject({ kind: 'FORBIDDEN' });
  });
});

describe('what the system does on its own', () => {
  it('keeps a 201 when the queue is down: the relay sends the outbox later, once', async () => {
    const m = memoryDeps();
    const down: MessageQueue = {
      send: async () => {
        throw new Error('queue unavailable');
      },
    };
    const r = await submitComplaint({ ...m.deps, queue: down }, input);
    expect(r.trackingId).toBeTruthy();
    expect(m.queue.sent).toHaveLength(0);
    // Not yet past the grace period: the submission's own dispatch may still be under way.
    expect(await relayOutbox(m.deps, { graceSeconds: 60, limit: 10 })).toMatchObject({ relayed: 0 });
    m.setNow('2026-04-06T02:05:00Z');
    const relayed = await relayOutbox(m.deps, { graceSeconds: 60, limit: 10 });
    expect(relayed).toMatchObject({ failed: 0 });
    expect(relayed.relayed).toBe(m.store.outbox.size);
    expect(m.queue.sent.map((s) => s.queue)).toContain('routing');
    expect(await relayOutbox(m.deps, { graceSeconds: 60, limit: 10 })).toMatchObject({ relayed: 0 });
  });

  it('erases an identity once its retention period ends, and leaves the rest of the complaint', async () => {
    const m = memoryDeps();
    const { trackingId } = await assigned(m);
    const stored = m.store.complaints.get(trackingId);
    if (!stored) throw new Error('not stored');
    stored.complaint = { ...stored.complaint, status: 'CLOSED', identityEraseAfter: '2026-05-01T00:00:00.000Z' };
    expect(await eraseExpiredIdentities(m.deps, { limit: 10 })).toEqual({ due: 0, erased: 0, failed: 0 });
    m.setNow('2026-05-02T00:00:00Z');
    expect(await eraseExpiredIdentities(m.deps, { limit: 10 })).toEqual({ due: 1, erased: 1, failed: 0 });
    expect(await m.store.getReporter(trackingId)).toBeUndefined();
    expect((await m.store.get(trackingId))?.complaint.title).toBe(input.title);
    expect((await m.store.timeline(trackingId)).map((e) => e.type)).toContain('IDENTITY_ERASED');
  });

  it('archives a hold the reporter never answered, once however often the sweep runs', async () => {
    const m = memoryDeps();
    const r = await submitComplaint(m.deps, input);
    await routeComplaint(m.deps, r.trackingId);
    await actOnComplaint(m.deps, r.trackingId, verifier, { action: 'HOLD', question: 'Di ruas jalan mana tepatnya?' });
    expect(await sweepReporterDeadlines(m.deps, { limit: 10 })).toMatchObject({ archived: 0 });
    m.setNow('2026-06-01T02:00:00Z');
    expect(await sweepReporterDeadlines(m.deps, { limit: 10 })).toMatchObject({ archived: 1 });
    expect(await sweepReporterDeadlines(m.deps, { limit: 10 })).toMatchObject({ archived: 0 });
    expect((await m.store.get(r.trackingId))?.complaint).toMatchObject({ status: 'ARCHIVED', archive: { reason: 'NO_ANSWER_FROM_REPORTER' } });
  });

  it("caches the month's statistics for its time to live, then reads again", async () => {
    const m = memoryDeps();
    let reads = 0;
    const counted = {
      stats: async (month: string) => {
        reads++;
        return m.store.stats(month);
      },
    };
    const cached = cachedMonthlyStats(counted, m.deps.clock, 60_000);
    await cached.stats('2026-04');
    await cached.stats('2026-04');
    expect(reads).toBe(1);
    m.setNow('2026-04-06T02:01:01Z');
    await cached.stats('2026-04');
    expect(reads).toBe(2);
  });
});

describe("Open311's reads on the in-memory tier", () => {
  it('lists services of a jurisdiction, defines one, and serves requests by id and by filter — never a confidential one', async () => {
    const m = memoryDeps();
    const services = await open311Services(m.deps, '51.03');
    expect(services.map((s) => s.service_code)).toContain('kategori.jalan-kabupaten-kota');
    // A category has no attributes to define (a SIPP service's definition is held in service-standards.test.ts).
    await expect(open311ServiceDefinition(m.deps, 'kategori.jalan-kabupaten-kota')).rejects.toMatchObject({ kind: 'NOT_FOUND' });
    const open = await assigned(m);
    const secret = await assigned(m, { confidential: true });
    const [one] = await open311Request(m.deps, open.trackingId);
    expect(one).toMatchObject({ service_request_id: open.trackingId, status: 'open' });
    expect(JSON.stringify(one)).not.toContain('made@example.com');
    await expect(open311Request(m.deps, secret.trackingId)).rejects.toMatchObject({ kind: 'NOT_FOUND' });
    const listed = await open311Requests(m.deps, { status: 'open', limit: 50 });
    expect(listed.map((r) => r.service_request_id)).toEqual([open.trackingId]);
  });
});

describe('files on the in-memory tier', () => {
  it('takes an upload, checks it, and audits every staff download', async () => {
    const m = memoryDeps();
    const { trackingId, reporter } = await assigned(m);
    const storage = new InMemoryAttachmentStorage();
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'white' } })
      .png()
      .toBuffer();
    const { attachmentId } = await requestUpload({ ...m.deps, storage }, trackingId, reporter, {
      fileName: 'lubang.png',
      contentType: 'image/png',
      size: png.length,
    });
    // Nothing to download before the checker has looked at the bytes.
    await expect(downloadAttachment({ ...m.deps, storage }, trackingId, attachmentId, badung, 'file')).rejects.toMatchObject({ kind: 'CONFLICT' });
    storage.objects.set(`incoming/${trackingId}/${attachmentId}`, new Uint8Array(png));
    await checkUpload({ ...m.deps, storage, cleaner: attachmentCleaner, scansForMalware: false }, `incoming/${trackingId}/${attachmentId}`);
    const link = await downloadAttachment({ ...m.deps, storage }, trackingId, attachmentId, badung, 'file');
    expect(link.url).toMatch(/^memory:\/\//);
    const audit = (await m.store.timeline(trackingId)).filter((e) => e.type === 'ATTACHMENT_DOWNLOADED');
    expect(audit).toEqual([expect.objectContaining({ visibility: 'INTERNAL', actor: expect.objectContaining({ id: 'petugas-badung' }) })]);
    // The reporter downloads their own file without an audit entry about staff.
    await downloadAttachment({ ...m.deps, storage }, trackingId, attachmentId, reporter, 'file');
    expect((await m.store.timeline(trackingId)).filter((e) => e.type === 'ATTACHMENT_DOWNLOADED')).toHaveLength(1);
  });
});
