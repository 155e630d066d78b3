/**
 * The case bundle: one signed document of a complaint's record for the Ombudsman (and for the
 * reporter, of their own) — the complaint, the standard and indicators where present, misses,
 * escalations, transfers, answers, and every timeline entry with its hash-chain link. Anyone can
 * verify it: the signature over the whole, and the chain from the complaint's genesis to the
 * head the complaint recorded. No identity is ever in a bundle.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { Caller } from '../core/access';
import { relationOf } from '../core/access';
import { attachmentsFor } from '../core/attachments';
import { canonicalJson } from '../core/canonical-json';
import { type Complaint, STATUS_LABELS } from '../core/complaint';
import { DomainError, notFound } from '../core/errors';
import { chainProblems, type EvidenceEntry } from '../core/evidence';
import type { BundleSigner } from '../core/ports';
import type { Deps } from './deps';
import { actorFor, parseTracking } from './get-complaint';

export const BUNDLE_FORMAT = 'aduan-case-bundle/1';

export interface CaseBundle {
  format: typeof BUNDLE_FORMAT;
  exportedAt: string;
  audience: 'OMBUDSMAN' | 'REPORTER';
  /** The complaint as stored, without anything that identifies the reporter. */
  complaint: Omit<Complaint, 'reporterEmail'> & { statusLabel: string };
  /** Every timeline entry; for the reporter, internal notes keep their place but not their words. */
  timeline: EvidenceEntry[];
  signature?: { algorithm: 'ECDSA_P256_SHA256'; value: string };
}

/** What a signature covers: the bundle's canonical JSON without the signature, hashed. */
export const bundleDigest = (b: Omit<CaseBundle, 'signature'> & { signature?: unknown }) => {
  const { signature: _s, ...rest } = b;
  return createHash('sha256').update(canonicalJson(rest)).digest();
};

export async function exportBundle(
  deps: Pick<Deps, 'store' | 'clock'> & { signer: BundleSigner },
  trackingIdInput: string,
  caller: Caller,
): Promise<CaseBundle> {
  const stored = await deps.store.get(parseTracking(trackingIdInput));
  if (!stored) throw notFound('Laporan tidak ditemukan.');
  const actor = actorFor(stored, caller);
  const c = stored.complaint;
  const audience = actor?.kind === 'REPORTER' ? 'REPORTER' : actor && relationOf(c, actor) === 'OMBUDSMAN_OFFICER' ? 'OMBUDSMAN' : undefined;
  if (!audience) throw new DomainError('FORBIDDEN', 'Bundel kasus hanya untuk Ombudsman yang meninjau laporan ini dan untuk pelapornya.');
  const entries = await deps.store.evidence(c.trackingId);
  const timeline = entries.map((e) => (audience === 'REPORTER' && e.event?.visibility === 'INTERNAL' ? { chain: e.chain } : e));
  const { reporterEmail: _contact, ...complaint } = c;
  const unsigned = {
    format: BUNDLE_FORMAT,
    exportedAt: deps.clock.now().toISOString(),
    audience,
    // Attachment manifests (name, type, size, sha256 of the stored bytes); internal ones only for the Ombudsman.
    complaint: {
      ...complaint,
      attachments: attachmentsFor(c, audience === 'REPORTER' ? 'REPORTER' : 'STAFF', deps.clock.now()),
      statusLabel: STATUS_LABELS[c.status].id,
    },
    timeline,
  } as const;
  return { ...unsigned, signature: { algorithm: 'ECDSA_P256_SHA256', value: await deps.signer.sign(bundleDigest(unsigned)) } };
}

/** Checks a bundle offline or online: its signature (with a trusted public key) and its chain. */
export function verifyBundle(bundle: CaseBundle, publicKeyPem: string): { valid: boolean; problems: string[] } {
  const problems: string[] = [];
  if (bundle?.format !== BUNDLE_FORMAT) return { valid: false, problems: [`bukan bundel ${BUNDLE_FORMAT}`] };
  const signature = bundle.signature?.value;
  let signed = false;
  try {
    signed =
      typeof signature === 'string' &&
      verify('sha256', bundleDigest(bundle), { key: createPublicKey(publicKeyPem), dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
  } catch {
    signed = false;
  }
  if (!signed) problems.push('tanda tangan tidak valid: bundel diubah atau tidak ditandatangani oleh Aduan');
  problems.push(...chainProblems(bundle.complaint.trackingId, bundle.timeline ?? [], bundle.complaint.timelineHead));
  return { valid: problems.length === 0, problems };
}
