/**
 * What a complaint records of one file: the types the checker accepts, the states of a file from
 * upload to use, why one was not attached, and the record itself. The rules over it (limits, who
 * may attach, expiry, storage keys) are in attachments.ts.
 */

/** What the checker accepts, by the type its content proves (not the name, not the declared type). */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
/** ERASED: a reporter's file erased with their identity — its hash stays, its name and bytes are gone. */
export const ATTACHMENT_STATUSES = ['PENDING', 'SCANNING', 'READY', 'REJECTED', 'ERASED'] as const;
export type AttachmentStatus = (typeof ATTACHMENT_STATUSES)[number];

/** Why a file was not attached: shown to the uploader, in words from the translation files (labels.ts REJECTION_REASON). */
export const REJECTION_REASONS = ['TYPE_MISMATCH', 'UNREADABLE', 'SIZE_MISMATCH', 'MALWARE', 'NOT_UPLOADED'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface Attachment {
  id: string;
  /** The name the uploader gave (cleaned): shown, never used as a key or a type. */
  fileName: string;
  /** Declared at upload, then the type the content proved. */
  contentType: AttachmentType;
  /** Declared at upload (the presigned upload accepts exactly this many bytes), then the stored size. */
  size: number;
  status: AttachmentStatus;
  reason?: RejectionReason;
  /** Who added it: the reporter, or a staff member of an agency (or the Ombudsman). */
  by: { kind: 'REPORTER' } | { kind: 'STAFF'; id: string; agencyId?: string };
  /** Staff only (an officer's working document): never shown to the reporter or the public. */
  internal: boolean;
  requestedAt: string;
  /** SHA-256 of the stored (cleaned) bytes: what the timeline chains, what a bundle lists. */
  sha256?: string;
  /** Whether a preview image was made. */
  preview?: boolean;
  checkedAt?: string;
  /**
   * While a check is under way: the SHA-256 of the uploaded bytes it is checking. Only that check
   * may settle the file, so a second upload through the same link (or a second delivery racing
   * the first) can never put another file's hash on the record.
   */
  checking?: string;
  /** The version of the stored object the checker wrote: a malware verdict applies to that version only. */
  storedVersion?: string;
  /**
   * Whether a malware scanner cleared it: CLEAN after GuardDuty's verdict; NOT_SCANNED where the
   * operator runs without a scanner (staff are told before they open it).
   */
  scan?: 'CLEAN' | 'NOT_SCANNED';
}
