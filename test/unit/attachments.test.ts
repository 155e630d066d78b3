/**
 * Attachments' rules (core/attachments.ts) and the checker's decisions with storage in memory and
 * the real image cleaner (sharp). The same flow on the S3 emulator is test/e2e/attachments.test.ts.
 */

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { attachmentCleaner } from '../../functions/adapters/attachment-cleaner';
import { inflatesWithinBound } from '../../functions/adapters/pdf-cleaner';
import type { Actor } from '../../functions/core/access';
import type { Attachment } from '../../functions/core/attachment-record';
import {
  ATTACHMENT_LIMITS,
  attachmentsFor,
  cleanFileName,
  sniffType,
  whyCannotAttach,
  whyOverLimit,
  withAttachmentAdded,
  withExpiry,
} from '../../functions/core/attachments';
import type { Complaint } from '../../functions/core/complaint';
import { chainEvents, chainProblems } from '../../functions/core/evidence';
import { eraseIdentity } from '../../functions/core/retention';
import { attachmentViews } from '../../functions/core/views';
import { checkUpload, eraseAttachmentFiles, recordScanResult } from '../../functions/use-cases/attachments';
import { badung, reporter, verifier } from '../support/actors';
import { aComplaint } from '../support/complaint-fixture';
import { memoryDeps } from '../support/in-memory';
import { InMemoryAttachmentStorage } from '../support/in-memory-ports';
import { AUTHOR_TRACES, aPdfWithStream, aWordProcessorPdf, pdfText } from '../support/pdf-bytes';

const file = (over: Partial<Attachment> = {}): Attachment => ({
  id: 'a1',
  fileName: 'foto.jpg',
  contentType: 'image/jpeg',
  size: 1000,
  status: 'READY',
  by: { kind: 'REPORTER' },
  internal: false,
  requestedAt: '2026-04-06T02:00:00Z',
  ...over,
});

/** A one-page receipt as an office scanner saves it: its properties name the person and the device. */
async function aPdf() {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText('Kwitansi Rp50.000');
  doc.setAuthor('Pelapor Rahasia');
  doc.setCreator('Scanner SN-9911');
  return Buffer.from(await doc.save());
}

describe('what an attachment is, by its content', () => {
  it('recognises the accepted types by their first bytes only', async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: 'white' } })
      .png()
      .toBuffer();
    const webp = await sharp({ create: { width: 2, height: 2, channels: 3, background: 'white' } })
      .webp()
      .toBuffer();
    expect(sniffType(png)).toBe('image/png');
    expect(sniffType(webp)).toBe('image/webp');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(Buffer.from('%PDF-1.4'))).toBe('application/pdf');
    expect(sniffType(Buffer.from('MZ\x90\0'))).toBeUndefined();
    expect(sniffType(Buffer.from('<svg onload=alert(1)>'))).toBeUndefined();
  });

  it('cleans names: no path, no control characters or quotes, bounded', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\Budi\\IMG 1.jpg')).toBe('IMG 1.jpg');
    expect(cleanFileName('a"\u0007b.pdf')).toBe('ab.pdf');
    expect(cleanFileName('   ')).toBe('lampiran');
    expect(cleanFileName('x'.repeat(500))).toHaveLength(120);
  });
});

describe('who may attach and see', () => {
  const open = aComplaint({ status: 'ASSIGNED', assignedAgencyId: 'pemda-51.03' });
  const other: Actor = { kind: 'STAFF', principal: { kind: 'STAFF', username: 'x', roles: ['AGENCY_OFFICER'], agencyId: 'pemda-51.71' } };

  it('the reporter, the answering agency and verifiers attach while it is open; nobody once it ended', () => {
    expect(whyCannotAttach(open, reporter)).toBeUndefined();
    expect(whyCannotAttach(open, badung)).toBeUndefined();
    expect(whyCannotAttach(open, verifier)).toBeUndefined();
    expect(whyCannotAttach(open, other)?.message).toMatch(/tidak menangani/);
    expect(whyCannotAttach({ ...open, status: 'CLOSED' }, reporter)?.message).toMatch(/selesai/);
  });

  it('counts live files against the limits of their side (a rejected or never-uploaded one frees its place)', () => {
    const now = new Date('2026-04-06T02:03:00Z');
    const ten = Array.from({ length: 10 }, (_, i) => file({ id: `f${i}`, size: 10 }));
    expect(whyOverLimit({ ...open, attachments: ten }, 10, 'REPORTER', now)?.message).toMatch(/10 lampiran pelapor/);
    // The reporter's ten take nothing from the staff's ten (issue 18).
    expect(whyOverLimit({ ...open, attachments: ten }, 10, 'STAFF', now)).toBeUndefined();
    expect(whyOverLimit({ ...open, attachments: ten.map((f, i) => (i === 0 ? { ...f, status: 'REJECTED' } : f)) }, 10, 'REPORTER', now)).toBeUndefined();
    expect(whyOverLimit({ ...open, attachments: [file({ size: 39 * 1024 * 1024 })] }, 2 * 1024 * 1024, 'REPORTER', now)?.message).toMatch(/40 MB/);
    // Ten announced and never uploaded: their links expired (5 min + 1 min grace), their places are free again.
    const announced = ten.map((f) => ({ ...f, status: 'PENDING' as const, requestedAt: '2026-04-06T02:00:00Z' }));
    expect(whyOverLimit({ ...open, attachments: announced }, 10, 'REPORTER', now)?.message).toMatch(/10 lampiran/);
    const later = new Date('2026-04-06T02:06:01Z');
    expect(whyOverLimit({ ...open, attachments: announced }, 10, 'REPORTER', later)).toBeUndefined();
    expect(attachmentsFor({ ...open, attachments: announced }, 'REPORTER', later)[0]).toMatchObject({ status: 'REJECTED', reason: 'NOT_UPLOADED' });
    // A check under way is never expired under it.
    expect(withExpiry({ ...(announced[0] as Attachment), checking: 'abc' }, later).status).toBe('PENDING');
  });

  it('keeps the list a complaint carries bounded, whatever an uploader does', () => {
    let c = { ...open, attachments: [] as Attachment[] };
    for (let i = 0; i < 200; i++) {
      const at = new Date(Date.parse('2026-04-06T02:00:00Z') + i * 1000);
      c = { ...c, attachments: withAttachmentAdded(c, file({ id: `r${i}`, status: 'REJECTED', reason: 'TYPE_MISMATCH' }), at) };
      c = { ...c, attachments: withAttachmentAdded(c, file({ id: `s${i}`, status: 'REJECTED', reason: 'TYPE_MISMATCH', by: { kind: 'STAFF', id: 'x' } }), at) };
    }
    expect(c.attachments).toHaveLength(2 * ATTACHMENT_LIMITS.maxRejectedKept);
    // The newest are kept.
    expect(c.attachments.map((a) => a.id)).toContain('r199');
    expect(c.attachments.map((a) => a.id)).not.toContain('r0');
  });

  it('internal files only for staff; the public sees none', () => {
    const c = { ...open, attachments: [file({ id: 'pub' }), file({ id: 'int', internal: true, by: { kind: 'STAFF', id: 'petugas-badung' } })] };
    expect(attachmentsFor(c, 'STAFF', new Date()).map((a) => a.id)).toEqual(['pub', 'int']);
    expect(attachmentsFor(c, 'REPORTER', new Date()).map((a) => a.id)).toEqual(['pub']);
    expect(attachmentsFor(c, 'PUBLIC', new Date())).toEqual([]);
  });
});

describe('the checker', () => {
  async function setup(bytes: Uint8Array, declared: Partial<Attachment>, scansForMalware = false) {
    const { deps, store } = memoryDeps();
    const c = aComplaint({ attachments: [file({ status: 'PENDING', ...declared })] });
    await store.create({ complaint: c, reporter: undefined, accessTokenHash: 'h', events: [], outbox: [] });
    const storage = new InMemoryAttachmentStorage();
    storage.objects.set(`incoming/${c.trackingId}/a1`, bytes);
    const run = () => checkUpload({ ...deps, storage, cleaner: attachmentCleaner, scansForMalware }, `incoming/${c.trackingId}/a1`);
    const attachment = async () => (await store.get(c.trackingId))?.complaint.attachments?.[0];
    return { run, attachment, storage, store, deps, trackingId: c.trackingId };
  }

  it('re-encodes a photo without its EXIF (orientation applied) and keeps only the cleaned copy', async () => {
    const photo = await sharp({ create: { width: 300, height: 100, channels: 3, background: 'blue' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'AduanCam' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).orientation).toBe(6);
    const t = await setup(photo, { size: photo.length });
    expect(await t.run()).toBe('READY');
    const stored = t.storage.objects.get(`stored/${t.trackingId}/a1`) as Uint8Array;
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    // Orientation 6 (rotate 90°) applied to the pixels: the stored image is upright, 100×300.
    expect([meta.width, meta.height]).toEqual([100, 300]);
    expect(t.storage.objects.has(`incoming/${t.trackingId}/a1`)).toBe(false);
    expect(t.storage.objects.has(`preview/${t.trackingId}/a1`)).toBe(true);
    expect(await t.attachment()).toMatchObject({ status: 'READY', preview: true, size: stored.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const events = await t.store.timeline(t.trackingId);
    expect(events.at(-1)).toMatchObject({ type: 'ATTACHMENT_ADDED', attachment: { id: 'a1', sha256: (await t.attachment())?.sha256 } });
  });

  it('rejects a size other than announced, a type other than declared, and an image that does not decode', async () => {
    const pdf = Buffer.from('%PDF-1.7 ...');
    expect(await (await setup(pdf, { size: pdf.length + 1, contentType: 'application/pdf' })).run()).toBe('REJECTED');
    const mismatch = await setup(pdf, { size: pdf.length, contentType: 'image/jpeg' });
    expect(await mismatch.run()).toBe('REJECTED');
    expect(await mismatch.attachment()).toMatchObject({ status: 'REJECTED', reason: 'TYPE_MISMATCH' });
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);
    const b = await setup(broken, { size: broken.length });
    expect(await b.run()).toBe('REJECTED');
    expect(await b.attachment()).toMatchObject({ reason: 'UNREADABLE' });
  });

  it('rewrites a PDF from its pages: no author, producer, creator or XMP left in the stored bytes, streams inflated', async () => {
    const pdf = await aWordProcessorPdf();
    // The source carries every trace, but only inside compressed streams and hex strings.
    for (const trace of AUTHOR_TRACES) expect(pdfText(pdf)).toContain(trace);
    const t = await setup(pdf, { size: pdf.length, contentType: 'application/pdf' });
    expect(await t.run()).toBe('READY');
    const bytes = t.storage.objects.get(`stored/${t.trackingId}/a1`) as Uint8Array;
    const stored = pdfText(bytes);
    for (const trace of AUTHOR_TRACES) expect(stored).not.toContain(trace);
    expect(stored).not.toMatch(/\/(Author|Producer|Creator|Metadata)\b/);
    // The page and what it says are kept.
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    expect(stored).toContain('Kwitansi');
    expect(await t.attachment()).toMatchObject({ status: 'READY', preview: false });
    // Something that only starts like a PDF is not one.
    const junk = Buffer.from('%PDF-1.7 nothing more');
    const j = await setup(junk, { size: junk.length, contentType: 'application/pdf' });
    expect(await j.run()).toBe('REJECTED');
  });

  it('refuses, before parsing, a PDF whose streams inflate past the bound', async () => {
    // 160 MB of zeros in a 160 KB file: past the 128 MB bound.
    const bomb = await aPdfWithStream(deflateSync(Buffer.alloc(160 * 1024 * 1024), { level: 9 }));
    expect(bomb.length).toBeLessThan(400_000);
    expect(inflatesWithinBound(bomb)).toBe(false);
    expect(inflatesWithinBound(await aWordProcessorPdf())).toBe(true);
    const t = await setup(bomb, { size: bomb.length, contentType: 'application/pdf' });
    const load = vi.spyOn(PDFDocument, 'load');
    expect(await t.run()).toBe('REJECTED');
    expect(await t.attachment()).toMatchObject({ status: 'REJECTED', reason: 'UNREADABLE' });
    expect(load).not.toHaveBeenCalled();
    load.mockRestore();
  });

  it('a second delivery of the same upload changes nothing', async () => {
    const pdf = await aPdf();
    const t = await setup(pdf, { size: pdf.length, contentType: 'application/pdf' });
    expect(await t.run()).toBe('READY');
    t.storage.objects.set(`incoming/${t.trackingId}/a1`, pdf);
    expect(await t.run()).toBe('UNKNOWN');
    expect((await t.store.timeline(t.trackingId)).filter((e) => e.type === 'ATTACHMENT_ADDED')).toHaveLength(1);
  });

  it('with a malware scanner, waits for the verdict: clean → READY, threats → deleted and REJECTED', async () => {
    const pdf = await aPdf();
    const clean = await setup(pdf, { size: pdf.length, contentType: 'application/pdf' }, true);
    expect(await clean.run()).toBe('SCANNING');
    expect(await recordScanResult({ ...clean.deps, storage: clean.storage }, `stored/${clean.trackingId}/a1`, 'NO_THREATS_FOUND', 'v1')).toBe('READY');
    expect(await clean.attachment()).toMatchObject({ status: 'READY', scan: 'CLEAN' });
    // Without a scanner a file is ready at once, marked as never scanned: staff are told (issue 20).
    const unscanned = await setup(pdf, { size: pdf.length, contentType: 'application/pdf' }, false);
    expect(await unscanned.run()).toBe('READY');
    expect(await unscanned.attachment()).toMatchObject({ status: 'READY', scan: 'NOT_SCANNED' });
    const stored = (await unscanned.store.get(unscanned.trackingId))?.complaint;
    expect(attachmentViews(stored as Complaint, 'STAFF', new Date())[0]).toMatchObject({ malwareScan: 'NOT_SCANNED' });
    expect(attachmentViews(stored as Complaint, 'REPORTER', new Date())[0]?.malwareScan).toBeUndefined();

    const bad = await setup(pdf, { size: pdf.length, contentType: 'application/pdf' }, true);
    await bad.run();
    expect(await recordScanResult({ ...bad.deps, storage: bad.storage }, `stored/${bad.trackingId}/a1`, 'THREATS_FOUND', 'v1')).toBe('REJECTED');
    expect(await bad.attachment()).toMatchObject({ status: 'REJECTED', reason: 'MALWARE' });
    expect(bad.storage.objects.has(`stored/${bad.trackingId}/a1`)).toBe(false);

    const unsure = await setup(pdf, { size: pdf.length, contentType: 'application/pdf' }, true);
    await unsure.run();
    expect(await recordScanResult({ ...unsure.deps, storage: unsure.storage }, `stored/${unsure.trackingId}/a1`, 'FAILED', 'v1')).toBe('SCANNING');
    expect(await unsure.attachment()).toMatchObject({ status: 'SCANNING' });
  });

  it('a verdict on another version of the stored object decides nothing (issue 18)', async () => {
    const pdf = await aPdf();
    const t = await setup(pdf, { size: pdf.length, contentType: 'application/pdf' }, true);
    expect(await t.run()).toBe('SCANNING');
    expect(await t.attachment()).toMatchObject({ storedVersion: 'v1' });
    const ports = { ...t.deps, storage: t.storage };
    expect(await recordScanResult(ports, `stored/${t.trackingId}/a1`, 'NO_THREATS_FOUND', 'v2')).toBe('UNKNOWN');
    expect(await recordScanResult(ports, `stored/${t.trackingId}/a1`, 'NO_THREATS_FOUND', undefined)).toBe('UNKNOWN');
    expect(await t.attachment()).toMatchObject({ status: 'SCANNING' });
    expect(await recordScanResult(ports, `stored/${t.trackingId}/a1`, 'NO_THREATS_FOUND', 'v1')).toBe('READY');
  });

  it('two checks racing over one upload link with different bytes: one settles, and its hash is the stored bytes’ (issue 18)', async () => {
    const first = await aPdf();
    const doc = await PDFDocument.create();
    doc.addPage([300, 200]).drawText('Kwitansi palsu Rp0');
    const second = Buffer.from(await doc.save());
    const padded = Buffer.concat([second, Buffer.alloc(Math.max(0, first.length - second.length), 0x20)]).subarray(0, first.length);
    const t = await setup(first, { size: first.length, contentType: 'application/pdf' });
    // Each check reads what the object held when it looked: the first upload, then the second.
    const reads = [first, padded];
    t.storage.read = async () => reads.shift() ?? first;
    const outcomes = await Promise.all([t.run(), t.run()]);
    expect(outcomes.filter((o) => o === 'READY')).toHaveLength(1);
    const events = await t.store.timeline(t.trackingId);
    expect(events.filter((e) => e.type === 'ATTACHMENT_ADDED' || e.type === 'ATTACHMENT_REJECTED')).toHaveLength(1);
    const stored = t.storage.objects.get(`stored/${t.trackingId}/a1`) as Uint8Array;
    const a = await t.attachment();
    expect(a?.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
    expect(a?.checking).toBeUndefined();
  });

  it('erasing a reporter’s identity erases their files (every version) and their names on the timeline; the hash stays (issue 18)', async () => {
    const pdf = await aWordProcessorPdf();
    const t = await setup(pdf, { size: pdf.length, contentType: 'application/pdf', fileName: 'KTP_Ni_Luh_Putu.pdf' });
    expect(await t.run()).toBe('READY');
    const sha256 = (await t.attachment())?.sha256;
    const stored = await t.store.get(t.trackingId);
    const change = eraseIdentity({ ...(stored?.complaint as Complaint), hasReporterIdentity: true }, 'REPORTER_REQUEST', new Date('2026-04-07T00:00:00Z'), {
      kind: 'REPORTER',
    });
    expect(change.eraseAttachments).toEqual(['a1']);
    expect(change.complaint.attachments?.[0]).toMatchObject({ id: 'a1', status: 'ERASED', sha256 });
    expect(JSON.stringify(change.complaint)).not.toContain('Ni_Luh');
    await eraseAttachmentFiles({ ...t.deps, storage: t.storage }, t.trackingId, ['a1']);
    expect([...t.storage.objects.keys()].filter((k) => k.includes(t.trackingId))).toEqual([]);
    expect([...t.storage.versions.keys()].filter((k) => k.includes(t.trackingId))).toEqual([]);
    const timeline = await t.store.timeline(t.trackingId);
    expect(JSON.stringify(timeline)).not.toContain('Ni_Luh');
    expect(timeline.find((e) => e.type === 'ATTACHMENT_ADDED')?.attachment).toMatchObject({ id: 'a1', sha256 });
    // The chain still verifies: the redacted entry is withheld, its link kept.
    const evidence = await t.store.evidence(t.trackingId);
    expect(evidence.find((e) => e.shown?.type === 'ATTACHMENT_ADDED')?.event).toBeUndefined();
    expect(chainProblems(t.trackingId, evidence, chainEvents(t.trackingId, undefined, t.store.events.get(t.trackingId) ?? []).head)).toEqual([]);
  });
});
