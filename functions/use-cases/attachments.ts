/**
 * Attachments from request to download: a presigned upload the storage itself bounds, the check
 * that makes a file usable (type by content, images re-encoded without metadata, a preview), the
 * malware verdict in AWS, and downloads authorised like the complaint and audited for staff.
 */
import { createHash } from 'node:crypto';
import type { Caller } from '../core/access';
import {
  ATTACHMENT_LIMITS,
  type Attachment,
  type AttachmentType,
  attachmentKeys,
  attachmentsFor,
  cleanFileName,
  REJECTION_REASONS,
  type RejectionReason,
  sniffType,
  whyCannotAttach,
  whyOverLimit,
} from '../core/attachments';
import { revise } from '../core/change';
import type { Complaint, TimelineEvent } from '../core/complaint';
import { DomainError, notFound } from '../core/errors';
import type { AttachmentCleaner, AttachmentStorage } from '../core/ports';
import type { Deps } from './deps';
import { parseTracking, readForActor, timelineActorOf } from './get-complaint';

export interface UploadInput {
  fileName: string;
  contentType: AttachmentType;
  size: number;
  /** Staff only: a working document the reporter never sees. */
  internal?: boolean;
}

type StoreDeps = Pick<Deps, 'store' | 'clock'>;

const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Changes one attachment of a complaint with optimistic locking: re-read and re-applied on a
 * race; `change` returns undefined when nothing is to be done any more.
 */
async function changeAttachment(
  deps: StoreDeps,
  trackingId: string,
  change: (c: Complaint, at: string) => { attachments: Attachment[]; events: TimelineEvent[] } | undefined,
): Promise<Complaint | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await deps.store.get(trackingId);
    if (!stored) return undefined;
    const at = deps.clock.now().toISOString();
    const next = change(stored.complaint, at);
    if (!next) return stored.complaint;
    const complaint = revise(stored.complaint, at, { attachments: next.attachments });
    if (await deps.store.update(complaint, stored.complaint.version, next.events)) return complaint;
  }
  throw new DomainError('CONFLICT', 'Laporan sedang diubah. Coba lagi.');
}

/** POST /v1/complaints/{trackingId}/attachments: records a PENDING file and returns where to upload its bytes. */
export async function requestUpload(
  deps: StoreDeps & Pick<Deps, 'random'> & { storage: AttachmentStorage },
  trackingIdInput: string,
  caller: Caller,
  input: UploadInput,
) {
  const trackingId = parseTracking(trackingIdInput);
  const { actor } = await readForActor(deps.store, trackingId, caller);
  if (input.internal && actor.kind !== 'STAFF') {
    throw new DomainError('VALIDATION', 'Permintaan tidak valid', [{ field: 'internal', message: 'hanya petugas yang dapat melampirkan dokumen internal' }]);
  }
  const id = Buffer.from(deps.random.bytes(12)).toString('hex');
  const attachment: Attachment = {
    id,
    fileName: cleanFileName(input.fileName),
    contentType: input.contentType,
    size: input.size,
    status: 'PENDING',
    by:
      actor.kind === 'STAFF'
        ? { kind: 'STAFF', id: actor.principal.username, ...(actor.principal.agencyId ? { agencyId: actor.principal.agencyId } : {}) }
        : { kind: 'REPORTER' },
    internal: input.internal === true,
    requestedAt: deps.clock.now().toISOString(),
  };
  await changeAttachment(deps, trackingId, (c) => {
    const notAllowed = whyCannotAttach(c, actor);
    if (notAllowed) throw new DomainError('CONFLICT', notAllowed);
    const over = whyOverLimit(c, input.size);
    if (over) throw new DomainError('UNPROCESSABLE', over, [{ field: 'size', message: over }]);
    return { attachments: [...(c.attachments ?? []), attachment], events: [] };
  });
  const upload = await deps.storage.uploadRequest(attachmentKeys.incoming(trackingId, id), input.contentType, input.size, ATTACHMENT_LIMITS.uploadSeconds);
  return { attachmentId: id, status: attachment.status, upload };
}

/** What the check decided about one uploaded object. */
export type CheckOutcome = 'READY' | 'SCANNING' | 'REJECTED' | 'UNKNOWN';

function settle(c: Complaint, id: string, at: string, outcome: Pick<Attachment, 'status' | 'reason' | 'sha256' | 'preview' | 'contentType' | 'size'>) {
  const a = c.attachments?.find((x) => x.id === id);
  if (!a) return undefined;
  const next: Attachment = { ...a, ...outcome, checkedAt: at };
  const visibility: TimelineEvent['visibility'] = a.internal ? 'INTERNAL' : 'REPORTER';
  const attachment = { id, fileName: a.fileName, ...(outcome.sha256 ? { sha256: outcome.sha256 } : {}) };
  const event: TimelineEvent | undefined =
    outcome.status === 'READY'
      ? { at, type: 'ATTACHMENT_ADDED', actor: a.by, message: `Lampiran ditambahkan: ${a.fileName}.`, visibility, attachment }
      : outcome.status === 'REJECTED'
        ? {
            at,
            type: 'ATTACHMENT_REJECTED',
            actor: { kind: 'SYSTEM' },
            message: `Lampiran ditolak: ${a.fileName}. ${REJECTION_REASONS[outcome.reason as RejectionReason]}`,
            visibility,
            attachment,
          }
        : undefined;
  return { attachments: (c.attachments ?? []).map((x) => (x.id === id ? next : x)), events: event ? [event] : [] };
}

/**
 * Checks an uploaded object (S3 calls this for every new `incoming/` key): its size, its type by
 * content, and a rewrite that drops what identifies its maker: images re-encoded from pixels
 * (no EXIF, no GPS, no camera serial survives) with a preview, PDFs without their properties. Only the cleaned copy is kept. With a malware scanner (AWS) the file waits for
 * its verdict as SCANNING; without one it is READY at once.
 */
export async function checkUpload(
  deps: StoreDeps & Pick<Deps, 'logger'> & { storage: AttachmentStorage; cleaner: AttachmentCleaner; scansForMalware: boolean },
  key: string,
): Promise<CheckOutcome> {
  const ref = attachmentKeys.parseIncoming(key);
  if (!ref) return 'UNKNOWN';
  const stored = await deps.store.get(ref.trackingId);
  const declared = stored?.complaint.attachments?.find((a) => a.id === ref.id);
  if (declared?.status !== 'PENDING') {
    // Not ours, or checked already (S3 delivers at least once): nothing to keep.
    await deps.storage.remove(key);
    return 'UNKNOWN';
  }
  const reject = async (reason: RejectionReason): Promise<CheckOutcome> => {
    await changeAttachment(deps, ref.trackingId, (c, at) => settle(c, ref.id, at, { ...declared, status: 'REJECTED', reason }));
    await deps.storage.remove(key);
    deps.logger.info('attachment rejected', { trackingId: ref.trackingId, attachmentId: ref.id, reason });
    return 'REJECTED';
  };
  const bytes = await deps.storage.read(key, declared.size);
  if (bytes === undefined) return 'UNKNOWN';
  if (bytes === 'TOO_LARGE' || bytes.length !== declared.size) return reject('SIZE_MISMATCH');
  const type = sniffType(bytes.subarray(0, 16));
  if (type !== declared.contentType) return reject('TYPE_MISMATCH');
  const keep = await deps.cleaner.clean(bytes, type);
  if (!keep) return reject('UNREADABLE');
  const preview = keep.preview !== undefined;
  if (keep.preview) await deps.storage.write(attachmentKeys.preview(ref.trackingId, ref.id), keep.preview, 'image/jpeg');
  await deps.storage.write(attachmentKeys.stored(ref.trackingId, ref.id), keep.bytes, keep.contentType);
  await deps.storage.remove(key);
  const status = deps.scansForMalware ? 'SCANNING' : 'READY';
  await changeAttachment(deps, ref.trackingId, (c, at) =>
    settle(c, ref.id, at, { status, sha256: hex(keep.bytes), preview, contentType: keep.contentType, size: keep.bytes.length }),
  );
  return status;
}

/**
 * The malware verdict on a stored object (GuardDuty Malware Protection for S3 in AWS): a clean
 * file becomes READY, an infected one is deleted and REJECTED. Any other verdict (unsupported,
 * failed, access denied) keeps it SCANNING and out of staff's hands, for an operator to look at.
 */
export async function recordScanResult(
  deps: StoreDeps & Pick<Deps, 'logger'> & { storage: AttachmentStorage },
  key: string,
  verdict: string,
): Promise<CheckOutcome> {
  const ref = attachmentKeys.parseStored(key);
  if (!ref) return 'UNKNOWN';
  if (verdict === 'THREATS_FOUND') {
    await deps.storage.remove(key);
    await deps.storage.remove(attachmentKeys.preview(ref.trackingId, ref.id));
  }
  const status = verdict === 'NO_THREATS_FOUND' ? 'READY' : verdict === 'THREATS_FOUND' ? 'REJECTED' : undefined;
  if (!status) {
    deps.logger.warn('malware scan gave no verdict; the attachment stays unavailable', { trackingId: ref.trackingId, attachmentId: ref.id, verdict });
    return 'SCANNING';
  }
  await changeAttachment(deps, ref.trackingId, (c, at) => {
    const a = c.attachments?.find((x) => x.id === ref.id);
    if (a?.status !== 'SCANNING') return undefined;
    return settle(c, ref.id, at, status === 'READY' ? { ...a, status } : { ...a, status, reason: 'MALWARE' });
  });
  return status;
}

/**
 * A short-lived download of a checked file, for a caller who may see it (as the complaint's view
 * lists it). Every staff download is written to the audit trail first.
 */
export async function downloadAttachment(
  deps: StoreDeps & { storage: AttachmentStorage },
  trackingIdInput: string,
  attachmentId: string,
  caller: Caller,
  variant: 'file' | 'preview',
) {
  const trackingId = parseTracking(trackingIdInput);
  const { stored, actor } = await readForActor(deps.store, trackingId, caller);
  const c = stored.complaint;
  const a = attachmentsFor(c, actor.kind === 'STAFF' ? 'STAFF' : 'REPORTER').find((x) => x.id === attachmentId);
  if (!a) throw notFound('Lampiran tidak ditemukan.');
  if (a.status !== 'READY') throw new DomainError('CONFLICT', 'Lampiran belum dapat diunduh: masih diperiksa atau ditolak.');
  if (variant === 'preview' && !a.preview) throw notFound('Lampiran ini tidak memiliki pratinjau.');
  const now = deps.clock.now();
  if (actor.kind === 'STAFF') {
    await deps.store.appendEvent(trackingId, {
      at: now.toISOString(),
      type: 'ATTACHMENT_DOWNLOADED',
      actor: timelineActorOf(actor),
      message: `Lampiran ${a.fileName} diunduh oleh ${actor.principal.username}.`,
      visibility: 'INTERNAL',
      attachment: { id: a.id, fileName: a.fileName, ...(a.sha256 ? { sha256: a.sha256 } : {}) },
    });
  }
  const key = variant === 'preview' ? attachmentKeys.preview(trackingId, a.id) : attachmentKeys.stored(trackingId, a.id);
  const contentType = variant === 'preview' ? 'image/jpeg' : a.contentType;
  const url = await deps.storage.downloadUrl(key, a.fileName, contentType, ATTACHMENT_LIMITS.downloadSeconds);
  return { url, fileName: a.fileName, contentType, expiresAt: new Date(now.getTime() + ATTACHMENT_LIMITS.downloadSeconds * 1000).toISOString() };
}
