/**
 * The use cases on in-memory ports (test/support/in-memory.ts): retries on conflict, identity and
 * consent, mail recipients, inbox choice and the digest lease, in milliseconds. The same use
 * cases run against the emulators in test/integration and test/e2e.
 */
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../functions/core/access';
import type { StaffPrincipal, StaffRole } from '../../functions/core/staff';
import { actOnComplaint } from '../../functions/use-cases/act-on-complaint';
import { getComplaint } from '../../functions/use-cases/get-complaint';
import { inbox } from '../../functions/use-cases/inbox';
import { sendOmbudsmanDigests } from '../../functions/use-cases/ombudsman-digest';
import { routeComplaint } from '../../functions/use-cases/route-complaint';
import { sendNotification } from '../../functions/use-cases/send-notification';
import { submitComplaint } from '../../functions/use-cases/submit-complaint';
import { potholeInput } from '../support/complaint-fixture';
import { memoryDeps } from '../support/in-memory';

const principal = (username: string, roles: StaffRole[], extra: { agencyId?: string; provinceCode?: string } = {}): StaffPrincipal => ({
  kind: 'STAFF',
  username,
  roles,
  ...extra,
});
const staff = (...args: Parameters<typeof principal>): Caller & { principal: StaffPrincipal } => ({ kind: 'STAFF', principal: principal(...args) });
const verifier = staff('verifikator', ['VERIFIER']);
const badung = staff('petugas-badung', ['AGENCY_OFFICER'], { agencyId: 'pemda-51.03' });
const bali = staff('petugas-bali', ['AGENCY_OFFICER'], { agencyId: 'pemda-51' });
const ombudsman = staff('ombudsman-bali', ['OMBUDSMAN'], { provinceCode: '51' });

const input = potholeInput();

async function submitted(over: Partial<typeof input> = {}) {
  const m = memoryDeps();
  const r = await submitComplaint(m.deps, { ...input, ...over });
  await routeComplaint(m.deps, r.trackingId);
  return { ...m, ...r, reporter: { kind: 'TOKEN', token: r.accessToken } as Caller };
}

describe('acting on a complaint', () => {
  it('re-applies an action to the fresh state when another write came first, and never loses it', async () => {
    const m = await submitted();
    m.store.conflictsToSimulate = 2;
    const view = await actOnComplaint(m.deps, m.trackingId, verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' });
    expect(view.status).toBe('ASSIGNED');
    expect((await m.store.timeline(m.trackingId)).filter((e) => e.type === 'VERIFIED')).toHaveLength(1);
  });

  it('gives up with 409 when the complaint keeps changing', async () => {
    const m = await submitted();
    m.store.conflictsToSimulate = 10;
    await expect(actOnComplaint(m.deps, m.trackingId, verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' })).rejects.toMatchObject({ kind: 'CONFLICT' });
  });
});

describe('identities, by role and consent', () => {
  it('shows the identity to the agency that must answer (audited), not to a copy-to agency', async () => {
    const m = await submitted();
    await actOnComplaint(m.deps, m.trackingId, verifier, { action: 'VERIFY', agencyId: 'pemda-51.03', copyToAgencyIds: ['pemda-51'] });
    // Opening the case does not disclose it; asking does, and is recorded.
    expect(((await getComplaint(m.deps, m.trackingId, badung)) as { reporter: unknown }).reporter).toEqual({ withheld: true, revealable: true });
    const lead = (await getComplaint(m.deps, m.trackingId, badung, { revealIdentity: true })) as { reporter: unknown };
    expect(lead.reporter).toMatchObject({ name: 'Made Uji' });
    const copy = (await getComplaint(m.deps, m.trackingId, bali, { revealIdentity: true })) as { reporter: unknown };
    expect(copy.reporter).toEqual({ withheld: true });
    const reads = (await m.store.timeline(m.trackingId)).filter((e) => e.type === 'IDENTITY_READ');
    expect(reads.map((e) => e.actor.id)).toEqual(['petugas-badung']);
  });

  it('shows the Ombudsman the identity only with the reporter’s consent', async () => {
    for (const consent of [false, true]) {
      const m = await submitted();
      await actOnComplaint(m.deps, m.trackingId, verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' });
      await actOnComplaint(m.deps, m.trackingId, badung, { action: 'RESPOND', message: 'Sudah ditambal.' });
      await actOnComplaint(m.deps, m.trackingId, m.reporter, { action: 'CONFIRM_RESOLVED' });
      await actOnComplaint(m.deps, m.trackingId, m.reporter, { action: 'REQUEST_OMBUDSMAN_REVIEW', consentToShareIdentity: consent });
      const bundle = (await getComplaint(m.deps, m.trackingId, ombudsman, { revealIdentity: true })) as { reporter: unknown };
      expect(bundle.reporter, `consent ${consent}`).toEqual(consent ? expect.objectContaining({ name: 'Made Uji' }) : { withheld: true });
    }
  });
});

describe('who gets which mail', () => {
  it('mails the lead agency the identity (and records it), a copy-to agency none, and an unconfirmed reporter nothing but the confirmation', async () => {
    const m = await submitted();
    await actOnComplaint(m.deps, m.trackingId, verifier, { action: 'VERIFY', agencyId: 'pemda-51.03', copyToAgencyIds: ['pemda-51'] });
    // What the notification worker would receive from the queue.
    for (const { message } of m.queue.sent) if (message.kind === 'NOTIFY') await sendNotification(m.deps, message);
    const to = (addr: string) => m.mailer.sent.filter((s) => s.to === addr).map((s) => s.email);
    expect(to('pemda-51.03@instansi.example')[0]?.text).toContain('Made Uji');
    expect(to('pemda-51@instansi.example')[0]?.text).not.toContain('Made Uji');
    expect(to('made@example.com').map((e) => e.subject)).toEqual([expect.stringContaining('Konfirmasi alamat email')]);
    const disclosed = (await m.store.timeline(m.trackingId)).filter((e) => e.type === 'IDENTITY_READ' && e.actor.kind === 'SYSTEM');
    expect(disclosed.map((e) => e.agencyId)).toEqual(['pemda-51.03']);
  });
});

describe('which inbox', () => {
  it('reads the verifier’s, the officer’s (own or escalated-to) and the Ombudsman office’s queue, and refuses a role without one', async () => {
    const m = await submitted();
    expect((await inbox(m.deps, verifier.principal, {})).queue).toEqual({ verification: 'SUBMITTED' });
    expect((await inbox(m.deps, verifier.principal, {})).items.map((i) => i.trackingId)).toEqual([m.trackingId]);
    expect((await inbox(m.deps, badung.principal, { view: 'escalated' })).queue).toMatchObject({
      escalatedTo: { id: 'pemda-51.03' },
    });
    expect((await inbox(m.deps, ombudsman.principal, {})).queue).toMatchObject({
      ombudsmanOffice: { id: 'ombudsman-51' },
      review: 'OPEN',
    });
    await expect(inbox(m.deps, principal('op', ['OPERATOR']), {})).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await expect(inbox(m.deps, badung.principal, { status: 'TAKEN_OVER' })).rejects.toMatchObject({ kind: 'VALIDATION' });
  });
});

describe('the digest lease', () => {
  it('sends each office one digest a day even when runs overlap', async () => {
    const m = await submitted();
    await actOnComplaint(m.deps, m.trackingId, verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' });
    await actOnComplaint(m.deps, m.trackingId, badung, { action: 'RESPOND', message: 'Sudah.' });
    await actOnComplaint(m.deps, m.trackingId, m.reporter, { action: 'CONFIRM_RESOLVED' });
    await actOnComplaint(m.deps, m.trackingId, m.reporter, { action: 'REQUEST_OMBUDSMAN_REVIEW', consentToShareIdentity: false });
    m.setNow('2026-04-07T03:00:00Z'); // Tuesday, after 08:00 everywhere
    const runs = await Promise.all([sendOmbudsmanDigests(m.deps), sendOmbudsmanDigests(m.deps), sendOmbudsmanDigests(m.deps)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(m.mailer.sent.filter((s) => s.to === 'ombudsman-51@instansi.example')).toHaveLength(1);
    expect((await sendOmbudsmanDigests(m.deps)).sent).toBe(0);
  });
});

describe('monitoring counters stay exact without hot items in the submission', () => {
  it('counts a complaint as received once, when it leaves pending routing, not in the citizen’s transaction', async () => {
    const m = memoryDeps();
    const r = await submitComplaint(m.deps, input);
    expect(await m.store.stats(m.month())).toEqual([]);
    await routeComplaint(m.deps, r.trackingId);
    await routeComplaint(m.deps, r.trackingId); // a redelivery
    const received = (await m.store.stats(m.month())).map((f) => [f.scope, f.counts.received]);
    expect(received).toEqual(
      expect.arrayContaining([
        [{ kind: 'REGION', regionCode: '51' }, 1],
        [{ kind: 'REGION', regionCode: '51.03' }, 1],
      ]),
    );
    expect(received).toHaveLength(2);
  });
});
