/**
 * The tamper-evident record (issue 12): a case bundle exported by the Ombudsman and by the
 * reporter verifies online and offline; an entry edited directly in DynamoDB, or a bundle edited
 * after export, fails verification.
 */
import { execFileSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DynamoDBClient, ListTablesCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, post } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';
import { waitFor } from '../support/network';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
const tokens: Record<string, string> = {};
const bearer = (t: string | undefined) => ({ authorization: `Bearer ${t}` });
beforeAll(async () => {
  sys = await startLocalProcess();
  for (const u of ['ombudsman-bali', 'verifikator', 'petugas-badung']) tokens[u] = await sys.token(u);
});
afterAll(async () => sys?.stop());

const verifyOnline = async (bundle: unknown) => (await post(`${sys.api}/v1/bundles/verify`, { bundle })).body as { valid: boolean; problems: string[] };
function verifyOffline(bundle: unknown, publicKeyPem: string, heads?: unknown): { code: number; out: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'aduan-bundle-'));
  writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify(bundle));
  writeFileSync(path.join(dir, 'key.pem'), publicKeyPem);
  if (heads) writeFileSync(path.join(dir, 'heads.json'), JSON.stringify(heads));
  const files = [path.join(dir, 'bundle.json'), path.join(dir, 'key.pem'), ...(heads ? [path.join(dir, 'heads.json')] : [])];
  try {
    return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', 'scripts/verify-bundle.ts', ...files]).toString() };
  } catch (error) {
    const e = error as { status: number; stdout: Buffer };
    return { code: e.status, out: e.stdout.toString() };
  }
}

describe('the case bundle', () => {
  it('is signed, chains every entry, verifies online and offline, and fails when a stored entry is edited', async () => {
    const created = await post(`${sys.api}/v1/complaints`, {
      type: 'COMPLAINT',
      title: 'Pungutan untuk KTP-el di Kuta',
      description: 'Petugas meminta Rp50.000 untuk mempercepat KTP-el yang seharusnya gratis dan selesai sehari.',
      categoryId: 'administrasi-kependudukan',
      location: { regionCode: '51.03' },
      serviceId: 'badung-ktp-el',
      serviceAnswers: { appliedOn: '2026-11-02', completedOn: '2026-11-20', charged: 50_000 },
      anonymous: false,
      confidential: false,
      reporter: { name: 'Gede Bukti', email: 'gede.bukti@example.com' },
    });
    const { trackingId: id, accessToken } = created.body;
    // Routed first (the router's suggestion is an internal entry of its own).
    await waitFor(async () => ((await get(`${sys.api}/v1/complaints/${id}`, bearer(tokens.verifikator))).body.suggestedAgency ? true : undefined));
    // An internal note and an audited identity disclosure: both go on the chain.
    await post(
      `${sys.api}/v1/complaints/${id}/actions`,
      { action: 'COMMENT', message: 'Cek rekaman CCTV loket 3.', internal: true },
      bearer(tokens.verifikator),
    );
    await get(`${sys.api}/v1/complaints/${id}?identity=show`, bearer(tokens.verifikator));

    const exported = await get(`${sys.api}/v1/complaints/${id}/bundle`, bearer(tokens['ombudsman-bali']));
    expect(exported.status).toBe(200);
    const bundle = exported.body;
    expect(bundle).toMatchObject({ format: 'aduan-case-bundle/1', audience: 'OMBUDSMAN', signature: { algorithm: 'ECDSA_P256_SHA256' } });
    expect(bundle.complaint.indicators.map((i: { kind: string }) => i.kind)).toEqual(['PROLONGED_DELAY', 'ILLEGAL_LEVY']);
    expect(bundle.timeline.map((e: { event: { type: string } }) => e.event.type)).toEqual(
      expect.arrayContaining(['SUBMITTED', 'OMBUDSMAN_FLAGGED', 'COMMENTED', 'IDENTITY_READ']),
    );
    expect(JSON.stringify(bundle)).not.toContain('Gede Bukti');
    expect(JSON.stringify(bundle)).not.toContain('gede.bukti@example.com');
    expect(await verifyOnline(bundle)).toEqual({ valid: true, problems: [] });
    const { publicKeyPem } = (await get(`${sys.api}/v1/bundles/public-key`)).body;
    expect(verifyOffline(bundle, publicKeyPem)).toMatchObject({ code: 0 });

    // The reporter's own bundle: internal notes keep their place in the chain, not their words.
    const own = (await get(`${sys.api}/v1/complaints/${id}/bundle`, bearer(accessToken))).body;
    expect(own.audience).toBe('REPORTER');
    expect(JSON.stringify(own)).not.toContain('CCTV');
    const internal = bundle.timeline.filter((e: { event: { visibility: string } }) => e.event.visibility === 'INTERNAL').length;
    expect(internal).toBeGreaterThanOrEqual(2); // the note and the identity read, at least
    // Internal entries by their link alone; entries a staff member wrote as the reporter's view shows them (issue 18).
    expect(own.timeline.filter((e: { event?: unknown; shown?: unknown }) => !e.event && !e.shown)).toHaveLength(internal);
    expect(JSON.stringify(own)).not.toContain('"verifikator"');
    expect(JSON.stringify(own.timeline.map((e: { event?: unknown }) => e.event))).not.toContain('"STAFF"');
    expect(await verifyOnline(own)).toEqual({ valid: true, problems: [] });
    // Nobody else gets one (an officer who may not see the complaint does not learn it exists).
    expect((await get(`${sys.api}/v1/complaints/${id}/bundle`, bearer(tokens['petugas-badung']))).status).toBe(404);
    expect((await get(`${sys.api}/v1/complaints/${id}/bundle`, bearer(tokens.verifikator))).status).toBe(403);
    expect((await get(`${sys.api}/v1/complaints/${id}/bundle`)).status).toBe(403);

    // A bundle edited after export: the signature no longer holds.
    const edited = structuredClone(bundle);
    edited.complaint.title = 'Tidak ada pungutan';
    const onEdit = await verifyOnline(edited);
    expect(onEdit.valid).toBe(false);
    expect(onEdit.problems).toEqual([expect.stringContaining('tanda tangan tidak valid')]);

    // An entry edited directly in DynamoDB: the next export is signed, but its chain is broken.
    const ddb = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${sys.ports.dynamo}`,
      region: 'ap-southeast-3',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const table = ((await ddb.send(new ListTablesCommand({}))).TableNames ?? []).find((t) => t.includes('DataComplaints')) as string;
    const events = await ddb.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
        ExpressionAttributeValues: { ':pk': { S: `C#${id}` }, ':e': { S: 'EVENT#' } },
      }),
    );
    const submitted = (events.Items ?? []).find((i) => i.sk?.S?.includes('#SUBMITTED')) as Record<string, { S: string }>;
    await ddb.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { pk: submitted.pk as { S: string }, sk: submitted.sk as { S: string } },
        UpdateExpression: 'SET #e.message = :m',
        ExpressionAttributeNames: { '#e': 'event' },
        ExpressionAttributeValues: { ':m': { S: 'Laporan ditarik oleh pelapor.' } },
      }),
    );
    const tampered = (await get(`${sys.api}/v1/complaints/${id}/bundle`, bearer(tokens['ombudsman-bali']))).body;
    const finding = await verifyOnline(tampered);
    expect(finding.valid).toBe(false);
    expect(finding.problems).toEqual([expect.stringMatching(/SUBMITTED.*isinya tidak cocok/)]);
    const offline = verifyOffline(tampered, publicKeyPem);
    expect(offline.code).toBe(1);
    expect(offline.out).toContain('isinya tidak cocok');
  });

  it('answers malformed bundles with 400 naming the field, never a 500 (issue 18)', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const cases: [unknown, string][] = [
      [{ format: 'aduan-case-bundle/1' }, 'bundle.complaint'],
      [{ format: 'aduan-case-bundle/1', complaint: { trackingId: 'AAAAA-BBBBB' }, timeline: [null] }, 'bundle.timeline.0'],
      [{ format: 'aduan-case-bundle/1', complaint: { trackingId: 'AAAAA-BBBBB' }, timeline: [{ chain: { prev: 'x' } }] }, 'bundle.timeline.0.chain'],
      [`{"bundle":{"format":"aduan-case-bundle/1","complaint":{"trackingId":"AAAAA-BBBBB","nested":${deep}},"timeline":[]}}`, 'bundle'],
      [null, 'bundle'],
    ];
    for (const [bundle, field] of cases) {
      const res = await post(`${sys.api}/v1/bundles/verify`, typeof bundle === 'string' ? bundle : { bundle });
      expect(res.status, JSON.stringify(bundle).slice(0, 60)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field).join(' ')).toContain(field);
    }
  });

  it('publishes the day’s chain heads, signed: the public reads the root, the Ombudsman the heads, and a bundle checks against them (issue 18)', async () => {
    const created = await post(`${sys.api}/v1/complaints`, {
      type: 'COMPLAINT',
      title: 'Antrean puskesmas tanpa nomor',
      description: 'Di puskesmas Kuta tidak ada nomor antrean, warga menunggu berjam-jam tanpa kepastian.',
      categoryId: 'puskesmas',
      location: { regionCode: '51.03' },
      anonymous: true,
      confidential: false,
    });
    const { trackingId: id, accessToken } = created.body;
    // Routed first (the router's suggestion is an entry of its own): the bundle then holds the day's last head.
    await waitFor(async () => ((await get(`${sys.api}/v1/complaints/${id}`, bearer(tokens.verifikator))).body.suggestedAgency ? true : undefined));
    const bundle = (await get(`${sys.api}/v1/complaints/${id}/bundle`, bearer(accessToken))).body;
    const day = new Date((await get(`${sys.api}/_local/clock`)).body.now).toISOString().slice(0, 10);
    try {
      await post(`${sys.api}/_local/clock`, { advance: 'P1DT2H' });
      const run = (await post(`${sys.api}/_local/schedules/publish-chain-heads/run`, {})).body.result;
      expect(run.published).toBeGreaterThanOrEqual(1);
      const { publicKeyPem } = (await get(`${sys.api}/v1/bundles/public-key`)).body;
      const forPublic = await get(`${sys.api}/v1/chain-heads/${day}`);
      expect(forPublic.status).toBe(200);
      expect(forPublic.body).toMatchObject({ format: 'aduan-chain-heads/1', day, count: expect.any(Number), root: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(forPublic.body.heads).toBeUndefined();
      expect(JSON.stringify(forPublic.body)).not.toContain(id);
      expect(
        verify(
          'sha256',
          Buffer.from(forPublic.body.root, 'hex'),
          { key: createPublicKey(publicKeyPem), dsaEncoding: 'der' },
          Buffer.from(forPublic.body.signature, 'base64'),
        ),
      ).toBe(true);
      const forOmbudsman = (await get(`${sys.api}/v1/chain-heads/${day}`, bearer(tokens['ombudsman-bali']))).body;
      expect(forOmbudsman.heads).toEqual(expect.arrayContaining([{ trackingId: id, head: bundle.complaint.timelineHead }]));
      expect((await get(`${sys.api}/v1/chain-heads/${day}`, bearer(tokens['petugas-badung']))).status).toBe(403);
      // Offline: the bundle against the heads published for its day.
      expect(verifyOffline(bundle, publicKeyPem, forOmbudsman)).toMatchObject({ code: 0 });
      const forged = {
        ...forOmbudsman,
        heads: forOmbudsman.heads.map((h: { trackingId: string }) => (h.trackingId === id ? { ...h, head: 'f'.repeat(64) } : h)),
      };
      expect(verifyOffline(bundle, publicKeyPem, forged).code).toBe(1);
    } finally {
      await post(`${sys.api}/_local/clock`, { reset: true });
    }
  }, 90_000);
});
