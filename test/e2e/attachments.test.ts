/**
 * Attachments on the local S3 emulator (issue 12): a presigned upload the storage itself bounds,
 * the check (type by content, EXIF/GPS stripped by re-encoding, a preview), downloads authorised
 * like the complaint and audited for staff, and the file's hash on the timeline's chain.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, post } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';
import { waitFor } from '../support/network';
import { AUTHOR_TRACES, aWordProcessorPdf, pdfText } from '../support/pdf-bytes';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
let s3: S3Client;
let bucket: string;
const tokens: Record<string, string> = {};
const bearer = (t: string | undefined) => ({ authorization: `Bearer ${t}` });
/** An object's bytes in the bucket, or undefined when there is none (the emulator refuses listings). */
const objectAt = async (key: string) => {
  try {
    return Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray());
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey') return undefined;
    throw error;
  }
};

beforeAll(async () => {
  sys = await startLocalProcess();
  for (const u of ['verifikator', 'petugas-badung', 'ombudsman-bali']) tokens[u] = await sys.token(u);
  s3 = new S3Client({
    endpoint: sys.s3,
    region: 'ap-southeast-3',
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const { Buckets } = await s3.send(new ListBucketsCommand({}));
  bucket = Buckets?.map((b) => b.Name as string).find((n) => n.includes('attachmentsfiles')) as string;
});
afterAll(async () => sys?.stop());

/** A phone photo as it leaves the camera: EXIF with the maker, a serial and GPS coordinates. */
const photoWithGps = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'AduanCam', Model: 'SERIAL-8841-XYZ', Artist: 'Pelapor Rahasia' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '8/1 39/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '115/1 13/1 0/1' },
    })
    .toBuffer();

async function submit(extra: Record<string, unknown> = {}) {
  const res = await post(`${sys.api}/v1/complaints`, {
    type: 'COMPLAINT',
    title: 'Jembatan Tukad Badung retak',
    description: 'Retakan besar di tiang jembatan sejak banjir minggu lalu, kendaraan berat masih lewat.',
    categoryId: 'jalan-kabupaten-kota',
    location: { regionCode: '51.03' },
    anonymous: true,
    confidential: false,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body as { trackingId: string; accessToken: string };
}

async function announce(id: string, token: string, file: { fileName: string; contentType: string; size: number }) {
  return post(`${sys.api}/v1/complaints/${id}/attachments`, file, bearer(token));
}

async function upload(upload: { method: string; url: string; headers: Record<string, string> }, bytes: Buffer) {
  return fetch(upload.url, { method: upload.method, headers: upload.headers, body: new Uint8Array(bytes) });
}

const attachmentOf = async (id: string, token: string, attachmentId: string) =>
  waitFor(async () => {
    const view = (await get(`${sys.api}/v1/complaints/${id}`, bearer(token))).body;
    const a = view.attachments?.find((x: { id: string }) => x.id === attachmentId);
    return a && a.status !== 'PENDING' ? a : undefined;
  }, 20_000);

describe('attachments', () => {
  it('a photo with GPS EXIF on an anonymous complaint reaches the agency without any metadata', async () => {
    const { trackingId: id, accessToken } = await submit();
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif?.toString('latin1')).toContain('AduanCam');

    const announced = await announce(id, accessToken, { fileName: '../../IMG_2041.jpg', contentType: 'image/jpeg', size: original.length });
    expect(announced.status).toBe(201);
    expect(announced.body).toMatchObject({ attachmentId: expect.any(String), status: 'PENDING', upload: { method: 'PUT' } });
    expect((await upload(announced.body.upload, original)).status).toBe(200);

    const a = await attachmentOf(id, accessToken, announced.body.attachmentId);
    expect(a).toMatchObject({
      fileName: 'IMG_2041.jpg',
      contentType: 'image/jpeg',
      status: 'READY',
      by: 'REPORTER',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(a.downloadUrl).toBe(`/v1/complaints/${id}/attachments/${a.id}`);

    // The bytes as stored: no EXIF at all, no maker, no serial, no coordinates — and the upload itself is gone.
    expect(await objectAt(`incoming/${id}/${a.id}`)).toBeUndefined();
    expect(await objectAt(`preview/${id}/${a.id}`)).toBeDefined();
    const stored = (await objectAt(`stored/${id}/${a.id}`)) as Buffer;
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe('jpeg');
    for (const secret of ['AduanCam', 'SERIAL-8841', 'Pelapor Rahasia', 'Exif\0\0']) expect(stored.toString('latin1')).not.toContain(secret);

    // The agency downloads it (after verification and assignment), and the download is on the audit trail.
    const verified = await post(`${sys.api}/v1/complaints/${id}/actions`, { action: 'VERIFY', agencyId: 'pemda-51.03' }, bearer(tokens.verifikator));
    expect(verified.status).toBe(200);
    const link = await get(`${sys.api}${a.downloadUrl}`, bearer(tokens['petugas-badung']));
    expect(link.status).toBe(200);
    const downloaded = await fetch(link.body.url);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-disposition')).toContain('IMG_2041.jpg');
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(stored)).toBe(true);
    const preview = await get(`${sys.api}${a.previewUrl}`, bearer(tokens['petugas-badung']));
    const previewBytes = Buffer.from(await (await fetch(preview.body.url)).arrayBuffer());
    expect((await sharp(previewBytes).metadata()).width).toBeLessThanOrEqual(480);

    const staffView = (await get(`${sys.api}/v1/complaints/${id}`, bearer(tokens['petugas-badung']))).body;
    const types = staffView.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['ATTACHMENT_ADDED', 'ATTACHMENT_DOWNLOADED']));
    // The reporter sees the file was added, never who downloaded it.
    const reporterView = (await get(`${sys.api}/v1/complaints/${id}`, bearer(accessToken))).body;
    expect(reporterView.timeline.map((e: { type: string }) => e.type)).toContain('ATTACHMENT_ADDED');
    expect(reporterView.timeline.map((e: { type: string }) => e.type)).not.toContain('ATTACHMENT_DOWNLOADED');
    // The public sees no attachments, and cannot download one.
    expect((await get(`${sys.api}/v1/complaints/${id}`)).body.attachments ?? []).toEqual([]);
    expect((await get(`${sys.api}${a.downloadUrl}`)).status).toBe(401);

    // The file's hash is on the chain: the reporter's bundle lists its manifest and verifies.
    const bundle = (await get(`${sys.api}/v1/complaints/${id}/bundle`, bearer(accessToken))).body;
    expect(bundle.complaint.attachments).toEqual([expect.objectContaining({ id: a.id, sha256: a.sha256, status: 'READY' })]);
    const added = bundle.timeline.find((e: { event?: { type: string } }) => e.event?.type === 'ATTACHMENT_ADDED');
    expect(added.event.attachment).toEqual({ id: a.id, fileName: 'IMG_2041.jpg', sha256: a.sha256 });
    expect((await post(`${sys.api}/v1/bundles/verify`, { bundle })).body).toEqual({ valid: true, problems: [] });
  }, 90_000);

  it('rejects a file whose content is not its declared type, and tells the uploader why', async () => {
    const { trackingId: id, accessToken } = await submit();
    const fake = Buffer.from('MZ\x90\x00 this is an executable pretending to be a photo', 'latin1');
    const announced = await announce(id, accessToken, { fileName: 'foto.jpg', contentType: 'image/jpeg', size: fake.length });
    expect((await upload(announced.body.upload, fake)).status).toBe(200);
    const a = await attachmentOf(id, accessToken, announced.body.attachmentId);
    expect(a).toMatchObject({ status: 'REJECTED', reason: 'TYPE_MISMATCH', reasonText: expect.stringContaining('tidak sesuai') });
    expect(a.downloadUrl).toBeUndefined();
    expect(await objectAt(`incoming/${id}/${a.id}`)).toBeUndefined();
    expect(await objectAt(`stored/${id}/${a.id}`)).toBeUndefined();
  }, 60_000);

  it('an upload of another size or type than announced is refused by the storage itself; a PDF reaches the agency without its author', async () => {
    const { trackingId: id, accessToken } = await submit();
    const pdf = await aWordProcessorPdf();
    const announced = await announce(id, accessToken, { fileName: 'kwitansi.pdf', contentType: 'application/pdf', size: pdf.length });
    const bigger = Buffer.concat([pdf, Buffer.alloc(4096, 0x20)]);
    expect((await upload(announced.body.upload, bigger)).status).toBe(403);
    const otherType = await fetch(announced.body.upload.url, {
      method: 'PUT',
      headers: { ...announced.body.upload.headers, 'content-type': 'text/html' },
      body: new Uint8Array(pdf),
    });
    expect(otherType.status).toBe(403);
    // What was announced goes through, rewritten from its pages alone.
    expect((await upload(announced.body.upload, pdf)).status).toBe(200);
    const a = await attachmentOf(id, accessToken, announced.body.attachmentId);
    expect(a).toMatchObject({ status: 'READY', contentType: 'application/pdf' });
    const stored = (await objectAt(`stored/${id}/${a.id}`)) as Buffer;
    expect(a.size).toBe(stored.length);
    // The officer's download, byte for byte, with every compressed stream inflated.
    await post(`${sys.api}/v1/complaints/${id}/actions`, { action: 'VERIFY', agencyId: 'pemda-51.03' }, bearer(tokens.verifikator));
    const link = await get(`${sys.api}/v1/complaints/${id}/attachments/${a.id}`, bearer(tokens['petugas-badung']));
    expect(link.status).toBe(200);
    const downloaded = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    expect(downloaded.equals(stored)).toBe(true);
    for (const trace of AUTHOR_TRACES) expect(pdfText(downloaded)).not.toContain(trace);
    expect(pdfText(downloaded)).not.toMatch(/\/(Author|Producer|Creator|Metadata)\b/);
  }, 60_000);

  it('declares its limits: type, size, count, internal files staff-only; never a 500', async () => {
    const { trackingId: id, accessToken } = await submit();
    const bad = await announce(id, accessToken, { fileName: 'x.exe', contentType: 'application/x-msdownload', size: 20 * 1024 * 1024 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contentType', 'size']);
    const internal = await post(
      `${sys.api}/v1/complaints/${id}/attachments`,
      { fileName: 'a.pdf', contentType: 'application/pdf', size: 10, internal: true },
      bearer(accessToken),
    );
    expect(internal.status).toBe(400);
    expect(internal.body.errors[0].field).toBe('internal');
    for (let i = 0; i < 10; i++)
      expect((await announce(id, accessToken, { fileName: `f${i}.pdf`, contentType: 'application/pdf', size: 100 })).status).toBe(201);
    const eleventh = await announce(id, accessToken, { fileName: 'f10.pdf', contentType: 'application/pdf', size: 100 });
    expect(eleventh.status).toBe(422);
    expect(eleventh.body.detail).toContain('10 lampiran');
    // Nobody without the token (or a staff role) may attach.
    expect((await announce(id, 'not-the-token', { fileName: 'a.pdf', contentType: 'application/pdf', size: 10 })).status).toBe(401);
  }, 60_000);

  it('an upload link writes once: a second PUT through it is refused by the storage (issue 18)', async () => {
    const { trackingId: id, accessToken } = await submit();
    const photo = await photoWithGps();
    const announced = await announce(id, accessToken, { fileName: 'foto.jpg', contentType: 'image/jpeg', size: photo.length });
    expect(announced.body.upload.headers).toMatchObject({ 'if-none-match': '*' });
    // Without the signed If-None-Match header the signature does not hold.
    const unsigned = await fetch(announced.body.upload.url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(photo) });
    expect(unsigned.status).toBe(403);
    const first = await upload(announced.body.upload, photo);
    const second = await upload(announced.body.upload, Buffer.from(photo).fill(0x41, 100, 200));
    // The first lands; the second finds an object already there (or, once checked, the file settled).
    expect(first.status).toBe(200);
    expect([412, 200]).toContain(second.status);
    const a = await attachmentOf(id, accessToken, announced.body.attachmentId);
    expect(a.status).toBe('READY');
    const stored = (await objectAt(`stored/${id}/${a.id}`)) as Buffer;
    expect(a.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
    const view = (await get(`${sys.api}/v1/complaints/${id}`, bearer(accessToken))).body;
    expect(view.timeline.filter((e: { type: string }) => e.type === 'ATTACHMENT_ADDED')).toHaveLength(1);
  }, 60_000);

  it('erasing the identity erases the reporter’s files from the storage, and the export lists them first (issue 18)', async () => {
    const { trackingId: id, accessToken } = await submit({ anonymous: false, reporter: { name: 'Ni Luh Hapus', email: 'niluh.hapus@example.com' } });
    const photo = await photoWithGps();
    const announced = await announce(id, accessToken, { fileName: 'KTP_Ni_Luh_Hapus.jpg', contentType: 'image/jpeg', size: photo.length });
    expect((await upload(announced.body.upload, photo)).status).toBe(200);
    const a = await attachmentOf(id, accessToken, announced.body.attachmentId);
    expect(await objectAt(`stored/${id}/${a.id}`)).toBeDefined();
    const operator = await sys.token('operator');
    const exported = await get(`${sys.api}/v1/personal-data?email=niluh.hapus@example.com`, bearer(operator));
    expect(exported.body.complaints[0].attachments).toEqual([expect.objectContaining({ id: a.id, fileName: 'KTP_Ni_Luh_Hapus.jpg', sha256: a.sha256 })]);

    const erased = await post(`${sys.api}/v1/complaints/${id}/actions`, { action: 'ERASE_IDENTITY' }, bearer(accessToken));
    expect(erased.status).toBe(200);
    // The upload queue's worker erases every stored object of the file.
    await waitFor(
      async () => ((await objectAt(`stored/${id}/${a.id}`)) === undefined && (await objectAt(`preview/${id}/${a.id}`)) === undefined ? true : undefined),
      20_000,
    );
    const staff = (await get(`${sys.api}/v1/complaints/${id}`, bearer(tokens.verifikator))).body;
    expect(staff.attachments).toEqual([expect.objectContaining({ id: a.id, status: 'ERASED', sha256: a.sha256 })]);
    await waitFor(async () => {
      const again = (await get(`${sys.api}/v1/complaints/${id}`, bearer(tokens.verifikator))).body;
      return JSON.stringify(again).includes('KTP_Ni_Luh') ? undefined : true;
    }, 20_000);
    expect((await get(`${sys.api}/v1/complaints/${id}/attachments/${a.id}`, bearer(tokens.verifikator))).status).toBe(404);
  }, 90_000);
});
