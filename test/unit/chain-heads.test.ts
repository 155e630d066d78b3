/**
 * The daily publication of chain heads (issue 18), with the store in memory and a real ECDSA key:
 * a rewrite of the table by someone who can write it — every entry re-chained, so the case bundle
 * verifies on its own — is caught by the head published (and signed) the day before.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../functions/core/access';
import { CHAIN_HEADS_GENESIS, chainEvents, chainHeadsRoot } from '../../functions/core/evidence';
import type { BundleSigner } from '../../functions/core/ports';
import { exportBundle, verifyBundle } from '../../functions/use-cases/case-bundle';
import { publishChainHeads, readChainHeads } from '../../functions/use-cases/chain-heads';
import { submitComplaint } from '../../functions/use-cases/submit-complaint';
import { staff } from '../support/actors';
import { memoryDeps } from '../support/in-memory';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const signer: BundleSigner = {
  sign: async (digest) => sign('sha256', digest, { key: privateKey, dsaEncoding: 'der' }).toString('base64'),
  publicKeyPem: async () => publicKey.export({ type: 'spki', format: 'pem' }).toString(),
};

const submission = {
  type: 'COMPLAINT' as const,
  title: 'Pungutan di loket KTP',
  description: 'Petugas loket meminta uang Rp50.000 untuk mempercepat KTP-el yang seharusnya gratis.',
  categoryId: 'administrasi-kependudukan',
  location: { regionCode: '51.03' },
  anonymous: true,
  confidential: false,
};

describe('published chain heads', () => {
  it('publishes each day once, chained and signed; the public reads the root, auditors the heads', async () => {
    const m = memoryDeps({ now: '2026-04-06T02:00:00Z' });
    const a = await submitComplaint(m.deps, submission);
    const b = await submitComplaint(m.deps, { ...submission, confidential: true });
    // Nothing to publish for a day not yet over (and an hour past).
    expect(await publishChainHeads({ ...m.deps, signer })).toEqual({ published: 1, heads: 0 });
    m.setNow('2026-04-07T01:30:00Z');
    expect(await publishChainHeads({ ...m.deps, signer })).toEqual({ published: 1, heads: 2 });
    expect(await publishChainHeads({ ...m.deps, signer })).toEqual({ published: 0, heads: 0 });
    const previous = (await m.deps.chainHeads.digest('2026-04-05'))?.root;
    const digest = await m.deps.chainHeads.digest('2026-04-06');
    const heads = await m.deps.chainHeads.headsOf('2026-04-06');
    expect(heads.map((h) => h.trackingId).sort()).toEqual([a.trackingId, b.trackingId].sort());
    expect(digest).toMatchObject({ day: '2026-04-06', count: 2, previous, root: chainHeadsRoot('2026-04-06', previous as string, heads) });
    expect((await m.deps.chainHeads.digest('2026-04-05'))?.previous).toBe(CHAIN_HEADS_GENESIS);

    // The public gets the signed root, never tracking numbers (a confidential complaint's among them).
    const forPublic = await readChainHeads(m.deps, '2026-04-06', { kind: 'NONE' });
    expect(JSON.stringify(forPublic)).not.toContain(b.trackingId);
    const forOmbudsman = await readChainHeads(m.deps, '2026-04-06', staff('ombudsman-bali', ['OMBUDSMAN'], { provinceCode: '51' }) as Caller);
    expect(forOmbudsman).toMatchObject({ heads: expect.arrayContaining([{ trackingId: a.trackingId, head: expect.any(String) }]) });
    await expect(readChainHeads(m.deps, '2026-04-06', staff('verifikator', ['VERIFIER']) as Caller)).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await expect(readChainHeads(m.deps, '2026-04-09', { kind: 'NONE' })).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });

  it('catches a rewrite of the table that a bundle alone cannot: the published head is gone from the chain', async () => {
    const m = memoryDeps({ now: '2026-04-06T02:00:00Z' });
    const { trackingId, accessToken } = await submitComplaint(m.deps, submission);
    m.setNow('2026-04-07T03:00:00Z');
    await publishChainHeads({ ...m.deps, signer });
    const published = { ...(await readChainHeads(m.deps, '2026-04-06', staff('operator', ['OPERATOR']) as Caller)) };
    const key = await signer.publicKeyPem();
    const reporter = { kind: 'TOKEN' as const, token: accessToken };
    const honest = await exportBundle({ ...m.deps, signer }, trackingId, reporter);
    expect(verifyBundle(honest, key, published as never)).toEqual({ valid: true, problems: [] });

    // Someone with write access to the table rewrites the first entry and re-chains everything after it.
    const events = m.store.events.get(trackingId) ?? [];
    const rewritten = events.map((e, i) => (i === 0 ? { ...e, message: 'Laporan ditarik oleh pelapor.' } : e));
    m.store.events.set(trackingId, rewritten);
    const stored = m.store.complaints.get(trackingId);
    if (stored) stored.complaint = { ...stored.complaint, timelineHead: chainEvents(trackingId, undefined, rewritten).head };
    const forged = await exportBundle({ ...m.deps, signer }, trackingId, reporter);
    // On its own the rewritten record verifies (the exporter signs what the table holds)…
    expect(verifyBundle(forged, key)).toEqual({ valid: true, problems: [] });
    // …but not against the head published the day before.
    const finding = verifyBundle(forged, key, published as never);
    expect(finding.valid).toBe(false);
    expect(finding.problems).toEqual([expect.stringContaining('2026-04-06')]);
    // Nor does an edited list of heads pass for the signed one.
    const edited = { ...published, heads: [] };
    expect(verifyBundle(honest, key, edited as never).problems).toEqual([expect.stringContaining('tidak cocok')]);
  });
});
