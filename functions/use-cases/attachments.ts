/**
 * Attachments from request to download: a presigned upload the storage itself bounds, the check
 * that makes a file usable (type by content, images re-encoded without metadata, a preview), the
 * malware verdict in AWS, and downloads authorised like the complaint and audited for staff.
 */
import { createHash } from 'node:crypto';
import type { DownloadOutput, UploadOutput } from '../contract/outputs/attachments';
import type { Caller } from '../core/access';
import type { Attachment, AttachmentType, RejectionReason } from '../core/attachment-record';
import {
  ATTACHMENT_LIMITS,
  attachmentKeys,
  attachmentsFor,
  cleanFileName,
  sideOf,
  sniffType,
  whyCannotAttach,
  whyOverLimit,
  withAttachmentAdded,
  withExpiry,
} from '../core/attachments';
import { revise } from '../core/change';
import type { Complaint, TimelineEvent } from '../core/complaint';
import { DomainError, refusal } from '../core/errors';
import { systemSentence } from '../core/languages';
import type { AttachmentCleaner, AttachmentStorage, Complaints, Timelines } from '../core/ports';
import { redactedFileEvent } from '../core/retention';
import { parseTracking, readForActor, timelineActorOf } from './actors';
import type { Deps } from './deps';

export interface UploadInput {
  fileName: string;
  contentType: AttachmentType;
  size: number;
  /** Staff only: a working document the reporter never sees. */
  internal?: boolean;
}

type StoreDeps = Pick<Deps, 'clock'> & { store: Complaints & Timelines };

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
    if (await deps.store.update(complaint, stored.complaint.version, next.events, [], [], { escalatedBefore: stored.complaint.escalatedToAgencyIds ?? [] }))
      return complaint;
  }
  throw refusal('CONFLICT', 'complaintBusy');
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
  await changeAttachment(deps, trackingId, (c, at) => {
    const notAllowed = whyCannotAttach(c, actor);
    if (notAllowed) throw notAllowed;
    const now = new Date(at);
    const over = whyOverLimit(c, input.size, sideOf(attachment), now);
    if (over) throw over;
    return { attachments: withAttachmentAdded(c, attachment, now), events: [] };
  });
  const upload = await deps.storage.uploadRequest(attachmentKeys.incoming(trackingId, id), input.contentType, input.size, ATTACHMENT_LIMITS.uploadSeconds);
  return { attachmentId: id, status: attachment.status, upload } satisfies UploadOutput;
}

/** What the check decided about one uploaded object. */
export type CheckOutcome = 'READY' | 'SCANNING' | 'REJECTED' | 'UNKNOWN';

/**
 * Settles a file checked by the check that claimed it (`checking` is the hash of the bytes it
 * read): any other check, a file no longer PENDING, or one no longer listed is left as it is.
 */
function settle(
  c: Complaint,
  id: string,
  at: string,
  claim: string,
  outcome: Pick<Attachment, 'status' | 'reason' | 'sha256' | 'preview' | 'contentType' | 'size' | 'storedVersion' | 'scan'>,
) {
  const a = c.attachments?.find((x) => x.id === id);
  if (a?.status !== 'PENDING' || a.checking !== claim) return undefined;
  const { checking: _done, ...rest } = a;
  return record(c, { ...rest, ...outcome, checkedAt: at }, at);
}

/** A file's new state on the complaint, with the timeline's entry for it (added, or rejected with why). */
function record(c: Complaint, next: Attachment, at: string) {
  const visibility: TimelineEvent['visibility'] = next.internal ? 'INTERNAL' : 'REPORTER';
  const attachment = { id: next.id, fileName: next.fileName, ...(next.sha256 ? { sha256: next.sha256 } : {}) };
  const event: TimelineEvent | undefined =
    next.status === 'READY'
      ? { at, type: 'ATTACHMENT_ADDED', actor: next.by, ...systemSentence('attachmentAdded', { file: next.fileName }), visibility, attachment }
      : next.status === 'REJECTED'
        ? {
            at,
            type: 'ATTACHMENT_REJECTED',
            actor: { kind: 'SYSTEM' },
            ...systemSentence('attachmentRejected', { file: next.fileName, reason: next.reason as RejectionReason }),
            visibility,
            attachment,
          }
        : undefined;
  return { attachments: (c.attachments ?? []).map((x) => (x.id === next.id ? next : x)), events: event ? [event] : [] };
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
  const listed = (await deps.store.get(ref.trackingId))?.complaint.attachments?.find((a) => a.id === ref.id);
  const bytes = listed?.status === 'PENDING' ? await deps.storage.read(key, listed.size) : undefined;
  if (!listed || bytes === undefined) {
    // Not ours, checked already (S3 delivers at least once) or expired: nothing to keep.
    if (listed?.status !== 'PENDING') await deps.storage.remove(key);
    return 'UNKNOWN';
  }
  // Claim the file for exactly these bytes: a second upload through the same link, or a second
  // delivery racing this one with other bytes, cannot settle it. A repeat of the same bytes may go on.
  const claim = bytes === 'TOO_LARGE' ? 'TOO_LARGE' : hex(bytes);
  let claimed = false;
  await changeAttachment(deps, ref.trackingId, (c, at) => {
    const a = c.attachments?.find((x) => x.id === ref.id);
    claimed = a !== undefined && withExpiry(a, new Date(at)).status === 'PENDING' && (a.checking === undefined || a.checking === claim);
    if (!claimed || a?.checking === claim) return undefined;
    return { attachments: (c.attachments ?? []).map((x) => (x.id === ref.id ? { ...x, checking: claim } : x)), events: [] };
  });
  if (!claimed) {
    deps.logger.warn('attachment upload not checked: another check holds it, or it expired', { trackingId: ref.trackingId, attachmentId: ref.id });
    return 'UNKNOWN';
  }
  let settled = false;
  const finish = async (outcome: Parameters<typeof settle>[4]) => {
    await changeAttachment(deps, ref.trackingId, (c, at) => {
      const change = settle(c, ref.id, at, claim, outcome);
      settled = change !== undefined;
      return change;
    });
    return settled;
  };
  const reject = async (reason: RejectionReason): Promise<CheckOutcome> => {
    await deps.storage.remove(key);
    if (!(await finish({ ...listed, status: 'REJECTED', reason }))) return 'UNKNOWN';
    deps.logger.info('attachment rejected', { trackingId: ref.trackingId, attachmentId: ref.id, reason });
    return 'REJECTED';
  };
  if (bytes === 'TOO_LARGE' || bytes.length !== listed.size) return reject('SIZE_MISMATCH');
  const type = sniffType(bytes.subarray(0, 16));
  if (type !== listed.contentType) return reject('TYPE_MISMATCH');
  const keep = await deps.cleaner.clean(bytes, type);
  if (!keep) return reject('UNREADABLE');
  const preview = keep.preview !== undefined;
  if (keep.preview) await deps.storage.write(attachmentKeys.preview(ref.trackingId, ref.id), keep.preview, 'image/jpeg');
  const written = await deps.storage.write(attachmentKeys.stored(ref.trackingId, ref.id), keep.bytes, keep.contentType);
  await deps.storage.remove(key);
  const status = deps.scansForMalware ? 'SCANNING' : 'READY';
  const done = await finish({
    status,
    ...(deps.scansForMalware ? {} : { scan: 'NOT_SCANNED' as const }),
    sha256: hex(keep.bytes),
    preview,
    contentType: keep.contentType,
    size: keep.bytes.length,
    ...(written.versionId ? { storedVersion: written.versionId } : {}),
  });
  return done ? status : 'UNKNOWN';
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
  /** The object version that was scanned (GuardDuty names it): a verdict on another version decides nothing. */
  versionId: string | undefined,
): Promise<CheckOutcome> {
  const ref = attachmentKeys.parseStored(key);
  if (!ref) return 'UNKNOWN';
  const listed = (await deps.store.get(ref.trackingId))?.complaint.attachments?.find((a) => a.id === ref.id);
  if (listed?.status !== 'SCANNING' || listed.storedVersion !== versionId) {
    deps.logger.warn('malware verdict for a version that is not the one waiting for it; ignored', {
      trackingId: ref.trackingId,
      attachmentId: ref.id,
      verdict,
    });
    return 'UNKNOWN';
  }
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
    if (a?.status !== 'SCANNING' || a.storedVersion !== versionId) return undefined;
    return record(c, status === 'READY' ? { ...a, status, scan: 'CLEAN' } : { ...a, status, reason: 'MALWARE' }, at);
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
  const a = attachmentsFor(c, actor.kind === 'STAFF' ? 'STAFF' : 'REPORTER', deps.clock.now()).find((x) => x.id === attachmentId);
  if (!a) throw refusal('NOT_FOUND', 'attachmentNotFound');
  if (a.status === 'ERASED') throw refusal('NOT_FOUND', 'attachmentErased');
  if (a.status !== 'READY') throw refusal('CONFLICT', 'attachmentNotReady');
  if (variant === 'preview' && !a.preview) throw refusal('NOT_FOUND', 'noPreview');
  const now = deps.clock.now();
  if (actor.kind === 'STAFF') {
    await deps.store.appendEvent(trackingId, {
      at: now.toISOString(),
      type: 'ATTACHMENT_DOWNLOADED',
      actor: timelineActorOf(actor),
      ...systemSentence('attachmentDownloaded', { file: a.fileName, username: actor.principal.username }),
      visibility: 'INTERNAL',
      attachment: { id: a.id, fileName: a.fileName, ...(a.sha256 ? { sha256: a.sha256 } : {}) },
    });
  }
  const key = variant === 'preview' ? attachmentKeys.preview(trackingId, a.id) : attachmentKeys.stored(trackingId, a.id);
  const contentType = variant === 'preview' ? 'image/jpeg' : a.contentType;
  const url = await deps.storage.downloadUrl(key, a.fileName, contentType, ATTACHMENT_LIMITS.downloadSeconds);
  return {
    url,
    fileName: a.fileName,
    contentType,
    expiresAt: new Date(now.getTime() + ATTACHMENT_LIMITS.downloadSeconds * 1000).toISOString(),
  } satisfies DownloadOutput;
}

/**
 * Erases a reporter's files with their identity (the upload queue's worker, from the erasure's
 * outbox row): every version of the uploaded, stored and preview objects, then the file names on
 * the timeline (each entry keeps its chain link and the file's hash). Safe to repeat.
 */
export async function eraseAttachmentFiles(
  deps: Pick<Deps, 'logger'> & { store: Complaints & Timelines } & { storage: AttachmentStorage },
  trackingId: string,
  attachmentIds: string[],
) {
  for (const id of attachmentIds)
    for (const key of [attachmentKeys.incoming(trackingId, id), attachmentKeys.stored(trackingId, id), attachmentKeys.preview(trackingId, id)])
      await deps.storage.erase(key);
  const redacted = await deps.store.redactAttachmentEvents(trackingId, attachmentIds, redactedFileEvent);
  deps.logger.info('reporter files erased', { trackingId, files: attachmentIds.length, timelineEntries: redacted });
}
