/**
 * Attachments: the photos and documents of a complaint. Who may add one and when, the limits,
 * the types we accept (checked by content, never by name), the states of a file from upload to
 * use, and who may see and download it.
 */
import { type Actor, relationOf } from './access';
import type { Attachment, AttachmentType } from './attachment-record';
import type { Complaint, ComplaintStatus } from './complaint';
import { type DomainError, refusal } from './errors';
import { message } from './languages';

export const isImage = (t: AttachmentType) => t.startsWith('image/');

export const ATTACHMENT_LIMITS = {
  /** Per file: a phone photo is 2–6 MB, a scanned receipt well under. */
  maxFileBytes: 10 * 1024 * 1024,
  /**
   * Per side of a complaint (the reporter's files, the staff's files), counting files still being
   * checked (a rejected or never-uploaded one frees its place): neither side can use up the other's.
   */
  maxFiles: 10,
  maxTotalBytes: 40 * 1024 * 1024,
  /** Rejected files a complaint keeps listed per side (the oldest go; the timeline keeps them all): the item stays bounded. */
  maxRejectedKept: 10,
  /** After its upload link expires, how long an upload under way may still arrive before the file counts as never uploaded. */
  uploadGraceSeconds: 60,
  /** Longest side of a stored image and of its preview, in pixels. */
  maxImageSide: 2560,
  previewSide: 480,
  /** How long a presigned upload or download stays valid. */
  uploadSeconds: 300,
  downloadSeconds: 120,
} as const;

export type AttachmentSide = 'REPORTER' | 'STAFF';
export const sideOf = (a: Pick<Attachment, 'by'>): AttachmentSide => (a.by.kind === 'REPORTER' ? 'REPORTER' : 'STAFF');

/** The moment an announced file can no longer arrive: its upload link expired, plus a grace for an upload under way. */
export const uploadDeadlineOf = (a: Pick<Attachment, 'requestedAt'>) =>
  Date.parse(a.requestedAt) + (ATTACHMENT_LIMITS.uploadSeconds + ATTACHMENT_LIMITS.uploadGraceSeconds) * 1000;

/** A file announced but never uploaded is REJECTED as NOT_UPLOADED once its link expired (unless a check of it is under way). */
export function withExpiry(a: Attachment, now: Date): Attachment {
  if (a.status !== 'PENDING' || a.checking || now.getTime() <= uploadDeadlineOf(a)) return a;
  return { ...a, status: 'REJECTED', reason: 'NOT_UPLOADED' };
}

/**
 * The complaint's list with one more file: expired announcements settled as NOT_UPLOADED, and
 * rejected files beyond `maxRejectedKept` per side dropped, oldest first — whatever an uploader
 * does, the list (and the complaint's item) stays bounded.
 */
export function withAttachmentAdded(c: Complaint, added: Attachment, now: Date): Attachment[] {
  const all = [...(c.attachments ?? []).map((a) => withExpiry(a, now)), added];
  const dropped = new Set<string>();
  for (const side of ['REPORTER', 'STAFF'] as const) {
    const rejected = all.filter((a) => sideOf(a) === side && a.status === 'REJECTED');
    for (const a of rejected.slice(0, Math.max(0, rejected.length - ATTACHMENT_LIMITS.maxRejectedKept))) dropped.add(a.id);
  }
  return all.filter((a) => !dropped.has(a.id));
}

/** Object keys in the attachment bucket, by stage of a file's life. */
export const attachmentKeys = {
  /** Where the client uploads; nothing reads it but the checker, and it expires within a day. */
  incoming: (trackingId: string, id: string) => `incoming/${trackingId}/${id}`,
  /** The checked (re-encoded, metadata-free) file. */
  stored: (trackingId: string, id: string) => `stored/${trackingId}/${id}`,
  preview: (trackingId: string, id: string) => `preview/${trackingId}/${id}`,
  /** `incoming/<trackingId>/<id>` → its parts (undefined for any other key). */
  parseIncoming(key: string): { trackingId: string; id: string } | undefined {
    const m = key.match(/^incoming\/([A-Z0-9-]{1,32})\/([a-z0-9]{1,40})$/);
    return m ? { trackingId: m[1] as string, id: m[2] as string } : undefined;
  },
  /** `stored/<trackingId>/<id>` → its parts (a malware scan result names the stored object). */
  parseStored(key: string): { trackingId: string; id: string } | undefined {
    const m = key.match(/^stored\/([A-Z0-9-]{1,32})\/([a-z0-9]{1,40})$/);
    return m ? { trackingId: m[1] as string, id: m[2] as string } : undefined;
  },
};

const ENDED: readonly ComplaintStatus[] = ['CLOSED', 'ARCHIVED'];

/**
 * Who may add a file now: the reporter while the complaint is open (with the submission, or later
 * with a reply); the staff who answer it (assigned or escalated-to officers, with their response),
 * verifiers, and the Ombudsman office reviewing it. Undefined when allowed, else the refusal.
 */
export function whyCannotAttach(c: Complaint, actor: Actor): DomainError | undefined {
  if (ENDED.includes(c.status)) return refusal('CONFLICT', 'attachmentsClosed');
  const relation = relationOf(c, actor);
  if (['REPORTER', 'ASSIGNED_OFFICER', 'ESCALATED_OFFICER', 'VERIFIER', 'OMBUDSMAN_OFFICER'].includes(relation)) return undefined;
  return refusal('CONFLICT', 'notYourCase');
}

/**
 * Whether one more file of `size` bytes fits the limits of its side of the complaint (rejected
 * and never-uploaded files do not count).
 */
export function whyOverLimit(c: Complaint, size: number, side: AttachmentSide, now: Date): DomainError | undefined {
  // The refusal names the size as the bad field, in the same words.
  const over = (key: 'tooManyFiles' | 'filesTooLarge', params: Record<string, string | number>) =>
    refusal('UNPROCESSABLE', key, params, [{ field: 'size', message: message('id', 'problem', key, params) }]);
  const live = (c.attachments ?? []).map((a) => withExpiry(a, now)).filter((a) => a.status !== 'REJECTED' && a.status !== 'ERASED' && sideOf(a) === side);
  if (live.length >= ATTACHMENT_LIMITS.maxFiles) return over('tooManyFiles', { limit: ATTACHMENT_LIMITS.maxFiles, side });
  const total = live.reduce((sum, a) => sum + a.size, 0);
  if (total + size > ATTACHMENT_LIMITS.maxTotalBytes) return over('filesTooLarge', { megabytes: ATTACHMENT_LIMITS.maxTotalBytes / 1024 / 1024, side });
  return undefined;
}

/**
 * Which files an audience sees: staff all of them (downloads only once checked); the reporter
 * everything but internal ones; the public none — a photo can show who took it, and the public
 * page is for the case, not the evidence.
 */
export function attachmentsFor(c: Complaint, audience: 'STAFF' | 'REPORTER' | 'PUBLIC', now: Date): Attachment[] {
  if (audience === 'PUBLIC') return [];
  const all = (c.attachments ?? []).map((a) => withExpiry(a, now));
  return audience === 'STAFF' ? all : all.filter((a) => !a.internal);
}

/** A file name safe to show and to offer in Content-Disposition: no path, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'lampiran').slice(0, 120);
}

/** The first bytes of each accepted type (what the checker trusts before decoding). */
export function sniffType(head: Uint8Array): AttachmentType | undefined {
  const at = (i: number, ...bytes: number[]) => bytes.every((b, k) => head[i + k] === b);
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  if (at(0, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return undefined;
}
