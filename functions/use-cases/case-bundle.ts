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
import type { Complaint } from '../core/complaint';
import { DomainError } from '../core/errors';
import { type ChainHead, type ChainHeadsDigest, chainHeadsRoot, chainProblems, type EvidenceEntry, publishedHeadProblems } from '../core/evidence';
import * as LABELS from '../core/labels';
import type { BundleSigner, Complaints, Timelines } from '../core/ports';
import { actorFor, complaintNotFound, parseTracking } from './actors';
import type { Deps } from './deps';

export const BUNDLE_FORMAT = 'aduan-case-bundle/1';

export interface CaseBundle {
  format: typeof BUNDLE_FORMAT;
  exportedAt: string;
  audience: 'OMBUDSMAN' | 'REPORTER';
  /** The complaint as stored, without anything that identifies the reporter (for the reporter: without staff names and internal notes). */
  complaint: { trackingId: string; timelineHead?: string; statusLabel: string } & Record<string, unknown>;
  /** Every timeline entry; for the reporter, internal notes keep their place but not their words. */
  timeline: EvidenceEntry[];
  signature?: { algorithm: 'ECDSA_P256_SHA256'; value: string };
}

/** What a signature covers: the bundle's canonical JSON without the signature, hashed. */
export const bundleDigest = (b: Omit<CaseBundle, 'signature'> & { signature?: unknown }) => {
  const { signature: _s, ...rest } = b;
  return createHash('sha256').update(canonicalJson(rest)).digest();
};

/**
 * An entry as the reporter's bundle carries it: the whole event where the reporter may read all
 * of it; where it names a staff member, only what the reporter's view shows (the chain link
 * proves its place and content hash); an internal entry by its link alone.
 */
function reporterEntryOf(e: EvidenceEntry): EvidenceEntry {
  const event = e.event;
  if (!event) return e.shown ? { chain: e.chain, shown: e.shown } : { chain: e.chain };
  if (event.visibility === 'INTERNAL') return { chain: e.chain };
  if (event.actor.kind !== 'STAFF') return e;
  return { chain: e.chain, shown: { at: event.at, type: event.type, message: event.message } };
}

/** The complaint as the reporter may read it: no staff usernames, no internal notes. */
function reporterComplaintOf(c: Omit<Complaint, 'reporterEmail'>) {
  const { hold, archive, ombudsmanReview, ...rest } = c;
  return {
    ...rest,
    ...(hold ? { hold: { question: hold.question, askedAt: hold.askedAt, remainingDispositionDays: hold.remainingDispositionDays } } : {}),
    ...(archive ? { archive: { reason: archive.reason, at: archive.at, ...(archive.duplicateOf ? { duplicateOf: archive.duplicateOf } : {}) } } : {}),
    ...(ombudsmanReview
      ? {
          ombudsmanReview: {
            status: ombudsmanReview.status,
            reasons: ombudsmanReview.reasons,
            office: ombudsmanReview.office,
            flaggedAt: ombudsmanReview.flaggedAt,
            consentToShareIdentity: ombudsmanReview.consentToShareIdentity,
            ...(ombudsmanReview.outcome ? { outcome: { action: ombudsmanReview.outcome.action, at: ombudsmanReview.outcome.at } } : {}),
          },
        }
      : {}),
  };
}

export async function exportBundle(
  deps: Pick<Deps, 'clock'> & { store: Complaints & Timelines } & { signer: BundleSigner },
  trackingIdInput: string,
  caller: Caller,
): Promise<CaseBundle> {
  const stored = await deps.store.get(parseTracking(trackingIdInput));
  if (!stored) throw complaintNotFound();
  const actor = actorFor(stored, caller);
  const c = stored.complaint;
  const audience = actor?.kind === 'REPORTER' ? 'REPORTER' : actor && relationOf(c, actor) === 'OMBUDSMAN_OFFICER' ? 'OMBUDSMAN' : undefined;
  if (!audience) throw new DomainError('FORBIDDEN', 'Bundel kasus hanya untuk Ombudsman yang meninjau laporan ini dan untuk pelapornya.');
  const entries = await deps.store.evidence(c.trackingId);
  const timeline = audience === 'REPORTER' ? entries.map(reporterEntryOf) : entries;
  const { reporterEmail: _contact, ...complaint } = c;
  const unsigned = {
    format: BUNDLE_FORMAT,
    exportedAt: deps.clock.now().toISOString(),
    audience,
    complaint: {
      ...(audience === 'REPORTER' ? reporterComplaintOf(complaint) : complaint),
      // Attachment manifests (name, type, size, sha256 of the stored bytes); internal ones only for the Ombudsman.
      attachments: attachmentsFor(c, audience === 'REPORTER' ? 'REPORTER' : 'STAFF', deps.clock.now()),
      statusLabel: LABELS.STATUS[c.status].id,
    },
    timeline,
  } as const;
  return { ...unsigned, signature: { algorithm: 'ECDSA_P256_SHA256', value: await deps.signer.sign(bundleDigest(unsigned)) } };
}

/** A day's published chain heads, as an auditor reads them (GET /v1/chain-heads/{day}). */
export type PublishedHeads = ChainHeadsDigest & { heads: ChainHead[] };

const signedBy = (digest: Buffer, signature: unknown, publicKeyPem: string) => {
  try {
    return (
      typeof signature === 'string' && verify('sha256', digest, { key: createPublicKey(publicKeyPem), dsaEncoding: 'der' }, Buffer.from(signature, 'base64'))
    );
  } catch {
    return false;
  }
};

/**
 * What does not hold of a day's published heads: its signature, its root over the heads it lists,
 * and — for the bundle's complaint — that the head published for it is still a link of its chain.
 */
function publishedProblems(bundle: CaseBundle, published: PublishedHeads, publicKeyPem: string): string[] {
  if (!signedBy(Buffer.from(published.root, 'hex'), published.signature, publicKeyPem))
    return [`ringkasan ujung rantai ${published.day}: tanda tangan tidak valid`];
  if (chainHeadsRoot(published.day, published.previous, published.heads) !== published.root)
    return [`ringkasan ujung rantai ${published.day}: daftar ujung tidak cocok dengan akar yang ditandatangani`];
  const mine = published.heads.find((h) => h.trackingId === bundle.complaint.trackingId);
  return publishedHeadProblems(bundle.timeline ?? [], mine ? { day: published.day, head: mine.head } : undefined);
}

/**
 * Checks a bundle offline or online: its signature (with a trusted public key) and its chain; with
 * a day's published heads, also that the chain still holds the head published for it that day.
 */
export function verifyBundle(bundle: CaseBundle, publicKeyPem: string, published?: PublishedHeads): { valid: boolean; problems: string[] } {
  const problems: string[] = [];
  if (bundle?.format !== BUNDLE_FORMAT) return { valid: false, problems: [`bukan bundel ${BUNDLE_FORMAT}`] };
  if (!signedBy(bundleDigest(bundle), bundle.signature?.value, publicKeyPem))
    problems.push('tanda tangan tidak valid: bundel diubah atau tidak ditandatangani oleh Aduan');
  problems.push(...chainProblems(bundle.complaint.trackingId, bundle.timeline ?? [], bundle.complaint.timelineHead));
  if (published) problems.push(...publishedProblems(bundle, published, publicKeyPem));
  return { valid: problems.length === 0, problems };
}
