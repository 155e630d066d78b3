/**
 * Duplicates and support (issue 12), through the running system: the verifier sees likely
 * duplicates of the same place and category, merges one (archived as DUPLICATE with a link, its
 * reporter told where to follow, the survivor counting it), and the public supports a complaint
 * once per device, as a count only.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, post } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';
import { waitFor } from '../support/network';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
const tokens: Record<string, string> = {};
const bearer = (t: string | undefined) => ({ authorization: `Bearer ${t}` });
const device = () => randomBytes(24).toString('base64url');
type Mail = { subject: string; body: { text?: string }; destination: { to: string[] } };
const mailTo = (to: string, match: (m: Mail) => boolean) =>
  waitFor(async () => {
    const store = (await (await fetch(`${sys.mail}/store`)).json()) as { emails: Mail[] };
    return store.emails.find((e) => e.destination.to.includes(to) && match(e));
  }, 20_000);

beforeAll(async () => {
  sys = await startLocalProcess();
  for (const u of ['verifikator', 'petugas-badung']) tokens[u] = await sys.token(u);
});
afterAll(async () => sys?.stop());

async function submit(title: string, description: string, extra: Record<string, unknown> = {}) {
  const res = await post(`${sys.api}/v1/complaints`, {
    type: 'COMPLAINT',
    title,
    description,
    categoryId: 'jalan-kabupaten-kota',
    anonymous: false,
    confidential: false,
    location: { regionCode: '51.03', latitude: -8.6501, longitude: 115.2163 },
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body as { trackingId: string; accessToken: string };
}

const support = (id: string, token: string) =>
  fetch(`${sys.api}/v1/complaints/${id}/support`, {
    method: 'POST',
    headers: { 'x-device-token': token, 'content-type': 'application/json' },
    body: '{}',
  }).then(async (r) => ({ status: r.status, body: await r.json() }));

describe('duplicates and support', () => {
  it('suggests the likely duplicate, merges it with a link, tells its reporter and counts it on the survivor', async () => {
    const first = await submit(
      'Jembatan Tukad Mati retak parah',
      'Tiang jembatan Tukad Mati di Kerobokan retak parah setelah banjir, truk masih melintas setiap hari.',
    );
    const unrelated = await submit('Lampu lalu lintas padam', 'Lampu lalu lintas di simpang Dalung padam sejak tiga hari, rawan kecelakaan pada malam hari.', {
      location: { regionCode: '51.03', latitude: -8.62, longitude: 115.17 },
    });
    const again = await submit(
      'Jembatan Tukad Mati retak, truk tetap lewat',
      'Retak besar di tiang jembatan Tukad Mati Kerobokan sejak banjir; truk berat tetap melintas.',
      { reporter: { name: 'Made Sama', email: 'made.sama@example.com' }, location: { regionCode: '51.03', latitude: -8.6503, longitude: 115.2166 } },
    );
    // Its reporter confirms the address (double opt-in), so mail about the report may reach them.
    const confirmation = await mailTo('made.sama@example.com', (m) => m.subject.includes('Konfirmasi alamat email'));
    const code = confirmation?.body.text?.match(/kode ([0-9A-Z]{5}-[0-9A-Z]{5})/)?.[1];
    expect((await post(`${sys.api}/v1/complaints/${again.trackingId}/actions`, { action: 'CONFIRM_EMAIL', code }, bearer(again.accessToken))).status).toBe(200);
    // The first is verified and handled by the regency: the one to keep.
    expect(
      (await post(`${sys.api}/v1/complaints/${first.trackingId}/actions`, { action: 'VERIFY', agencyId: 'pemda-51.03' }, bearer(tokens.verifikator))).status,
    ).toBe(200);

    const suggested = await get(`${sys.api}/v1/complaints/${again.trackingId}/duplicates`, bearer(tokens.verifikator));
    expect(suggested.status).toBe(200);
    expect(suggested.body.items[0]).toMatchObject({ trackingId: first.trackingId, score: expect.any(Number) });
    expect(suggested.body.items[0].reasons).toEqual(expect.arrayContaining(['kategori dan kabupaten/kota sama', expect.stringMatching(/^berjarak \d+ m$/)]));
    const unrelatedScore = suggested.body.items.find((i: { trackingId: string }) => i.trackingId === unrelated.trackingId)?.score ?? 0;
    expect(suggested.body.items[0].score).toBeGreaterThan(unrelatedScore);
    // Only verifiers get suggestions.
    expect((await get(`${sys.api}/v1/complaints/${again.trackingId}/duplicates`, bearer(tokens['petugas-badung']))).status).toBe(404);

    // Merging into itself or into nothing is refused, naming the field.
    const self = await post(
      `${sys.api}/v1/complaints/${again.trackingId}/actions`,
      { action: 'ARCHIVE', reason: 'DUPLICATE', duplicateOf: again.trackingId },
      bearer(tokens.verifikator),
    );
    expect(self.status).toBe(422);
    expect(self.body.errors[0].field).toBe('duplicateOf');

    const merged = await post(
      `${sys.api}/v1/complaints/${again.trackingId}/actions`,
      { action: 'ARCHIVE', reason: 'DUPLICATE', duplicateOf: first.trackingId.toLowerCase() },
      bearer(tokens.verifikator),
    );
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ status: 'ARCHIVED', archive: { reason: 'DUPLICATE', duplicateOf: first.trackingId } });

    const survivor = (await get(`${sys.api}/v1/complaints/${first.trackingId}`)).body;
    expect(survivor.support).toEqual({ supporters: 0, duplicates: 1 });
    expect(survivor.timeline.map((e: { type: string }) => e.type)).toContain('DUPLICATE_MERGED');
    expect(JSON.stringify(survivor)).not.toContain(again.trackingId);

    // The merged report's reporter is told where to follow.
    const mail = await mailTo('made.sama@example.com', (m) => (m.body.text ?? '').includes(`laporan ${first.trackingId}`));
    expect(mail?.body.text).toContain(`#/laporan/${first.trackingId}`);
  }, 90_000);

  it('counts one support per device, publicly and without who; refuses what the public cannot see', async () => {
    const c = await submit('Jalan Raya Canggu berlubang dalam', 'Lubang sedalam 30 cm di Jalan Raya Canggu dekat pura, sudah dua pengendara jatuh minggu ini.');
    // Not verified yet: not public, so it cannot be supported (and does not exist for the public).
    expect((await support(c.trackingId, device())).status).toBe(404);
    await post(`${sys.api}/v1/complaints/${c.trackingId}/actions`, { action: 'VERIFY', agencyId: 'pemda-51.03' }, bearer(tokens.verifikator));

    const mine = device();
    const first = await support(c.trackingId, mine);
    expect(first).toMatchObject({ status: 201, body: { added: true, supporters: 1 } });
    expect(await support(c.trackingId, mine)).toMatchObject({ status: 200, body: { added: false, supporters: 1 } });
    expect(await support(c.trackingId, device())).toMatchObject({ status: 201, body: { supporters: 2 } });
    expect((await get(`${sys.api}/v1/complaints/${c.trackingId}`)).body.support).toEqual({ supporters: 2, duplicates: 0 });

    const noToken = await fetch(`${sys.api}/v1/complaints/${c.trackingId}/support`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noToken.status).toBe(400);
    expect(((await noToken.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('X-Device-Token');

    const secret = await submit('Pungli di loket', 'Petugas loket meminta uang tambahan untuk mempercepat layanan perizinan jalan.', { confidential: true });
    await post(`${sys.api}/v1/complaints/${secret.trackingId}/actions`, { action: 'VERIFY', agencyId: 'pemda-51.03' }, bearer(tokens.verifikator));
    expect((await support(secret.trackingId, device())).status).toBe(404);
  }, 60_000);

  it('two verifiers merging a pair into each other at once leave exactly one standing, 20 times out of 20 (issue 18)', async () => {
    for (let round = 0; round < 20; round++) {
      const a = await submit(
        `Saluran air tersumbat ${round} di Jalan Gatot Subroto`,
        'Saluran air di sisi jalan tersumbat sampah dan meluap tiap hujan deras.',
      );
      const b = await submit(`Saluran tersumbat ${round} Jalan Gatot Subroto`, 'Saluran di tepi jalan tersumbat sampah, air meluap ke jalan setiap hujan.');
      const merge = (from: string, into: string) =>
        post(`${sys.api}/v1/complaints/${from}/actions`, { action: 'ARCHIVE', reason: 'DUPLICATE', duplicateOf: into }, bearer(tokens.verifikator));
      const answers = await Promise.all([merge(a.trackingId, b.trackingId), merge(b.trackingId, a.trackingId)]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 422]);
      const statuses = await Promise.all(
        [a, b].map(async (c) => (await get(`${sys.api}/v1/complaints/${c.trackingId}`, bearer(tokens.verifikator))).body.status),
      );
      expect(statuses.filter((s) => s === 'ARCHIVED')).toHaveLength(1);
    }
  }, 120_000);

  it('a reporter cannot learn through duplicateOf whether another complaint exists; the public page of a merged report names no survivor (issue 18)', async () => {
    const mine = await submit(
      'Trotoar rusak di depan kantor camat',
      'Trotoar di depan kantor camat Kuta Utara rusak dan berlubang, membahayakan pejalan kaki.',
    );
    const other = await submit(
      'Trotoar rusak depan kantor camat Kuta Utara',
      'Trotoar depan kantor camat rusak, ada lubang besar yang membahayakan pejalan kaki.',
    );
    const probe = (duplicateOf: string) =>
      post(`${sys.api}/v1/complaints/${mine.trackingId}/actions`, { action: 'ARCHIVE', reason: 'DUPLICATE', duplicateOf }, bearer(mine.accessToken));
    const existing = await probe(other.trackingId);
    const missing = await probe('ZZZZZ-ZZZZZ');
    expect([existing.status, missing.status]).toEqual([403, 403]);
    expect(existing.body.detail).toBe(missing.body.detail);
    // Merged by a verifier: what the public reads of the archived report (its GeoReport request) names no survivor.
    await post(`${sys.api}/v1/complaints/${other.trackingId}/actions`, { action: 'VERIFY', agencyId: 'pemda-51.03' }, bearer(tokens.verifikator));
    await post(
      `${sys.api}/v1/complaints/${mine.trackingId}/actions`,
      { action: 'ARCHIVE', reason: 'DUPLICATE', duplicateOf: other.trackingId },
      bearer(tokens.verifikator),
    );
    const request = await fetch(`${sys.api}/open311/v2/requests/${mine.trackingId}.json`);
    expect(request.status).toBe(200);
    const body = await request.text();
    expect(body).toContain('closed');
    expect(body).not.toContain(other.trackingId);
    // Its reporter still learns where to follow.
    expect((await get(`${sys.api}/v1/complaints/${mine.trackingId}`, bearer(mine.accessToken))).body.archive).toMatchObject({ duplicateOf: other.trackingId });
  }, 60_000);

  it('caps support per network address too: fresh device tokens and forged X-Forwarded-For from one client do not inflate a count (issue 18)', async () => {
    const c = await submit(
      'Lampu jalan padam di Jalan Sunset Road',
      'Seluruh lampu jalan di Sunset Road padam sejak seminggu, jalan gelap dan rawan kecelakaan.',
    );
    await post(`${sys.api}/v1/complaints/${c.trackingId}/actions`, { action: 'VERIFY', agencyId: 'pemda-51.03' }, bearer(tokens.verifikator));
    const statuses = [];
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${sys.api}/v1/complaints/${c.trackingId}/support`, {
        method: 'POST',
        headers: { 'x-device-token': device(), 'x-forwarded-for': `198.51.100.${i}`, 'content-type': 'application/json' },
        body: '{}',
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    expect((await get(`${sys.api}/v1/complaints/${c.trackingId}`)).body.support).toEqual({ supporters: 5, duplicates: 0 });
  }, 60_000);
});
