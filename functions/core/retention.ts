/**
 * Personal data has an owner and an end (UU PDP 27/2022): the retention date of an ended
 * complaint's identity, and its erasure — on the reporter's request, an operator's, or when the
 * retention period ends. The case record and the statistics stay.
 */
import { type ComplaintChange, revise } from './change';
import type { LifecyclePolicy } from './clocks';
import type { Complaint, ComplaintStatus, TimelineEvent } from './complaint';
import { systemSentence } from './languages';

const ENDED = new Set<ComplaintStatus>(['CLOSED', 'ARCHIVED']);

/**
 * Personal data has a retention period: once a complaint has ended, its reporter's identity is
 * due for erasure after the policy's days; a reopened complaint keeps it again.
 */
export function withRetention(c: Complaint, policy: LifecyclePolicy, now: Date): Complaint {
  if (!ENDED.has(c.status)) return c.identityEraseAfter ? { ...c, identityEraseAfter: undefined } : c;
  if (c.identityEraseAfter || !c.hasReporterIdentity) return c;
  return { ...c, identityEraseAfter: new Date(now.getTime() + policy.identityRetentionDays * 86_400_000).toISOString() };
}

export type ErasureReason = 'REPORTER_REQUEST' | 'RETENTION_PERIOD' | 'OPERATOR_REQUEST';

/** What a complaint keeps of a reporter's file once erased: that it existed, its size and hash — no name, no bytes. */
const ERASED_FILE_NAME = 'lampiran pelapor (dihapus)';

/** A timeline entry about an erased file, as it is kept: its type, time and the file's id and hash. */
export function redactedFileEvent(e: TimelineEvent): TimelineEvent {
  return {
    at: e.at,
    type: e.type,
    actor: e.actor,
    ...systemSentence('fileErased'),
    visibility: e.visibility,
    ...(e.attachment
      ? { attachment: { id: e.attachment.id, fileName: ERASED_FILE_NAME, ...(e.attachment.sha256 ? { sha256: e.attachment.sha256 } : {}) } }
      : {}),
  };
}

/**
 * Erases the reporter's identity and contact, and the files they uploaded (a KTP photo is
 * identity too): the complaint keeps each file's hash, the files go with every stored version.
 * The case record and statistics stay.
 */
export function eraseIdentity(c: Complaint, reason: ErasureReason, now: Date, by: TimelineEvent['actor']): ComplaintChange {
  const at = now.toISOString();
  const theirs = (c.attachments ?? []).filter((a) => a.by.kind === 'REPORTER' && a.status !== 'ERASED');
  const attachments = (c.attachments ?? []).map((a) =>
    theirs.includes(a)
      ? {
          id: a.id,
          fileName: ERASED_FILE_NAME,
          contentType: a.contentType,
          size: a.size,
          status: 'ERASED' as const,
          by: a.by,
          internal: a.internal,
          requestedAt: a.requestedAt,
          ...(a.sha256 ? { sha256: a.sha256 } : {}),
        }
      : a,
  );
  return {
    complaint: revise(c, at, {
      hasReporterIdentity: false,
      reporterEmail: undefined,
      identityErasedAt: at,
      identityEraseAfter: undefined,
      ...(theirs.length ? { attachments } : {}),
    }),
    events: [{ at, type: 'IDENTITY_ERASED', actor: by, ...systemSentence(`erased.${reason}`), visibility: 'PUBLIC' }],
    notifications: [],
    eraseIdentity: true,
    ...(theirs.length ? { eraseAttachments: theirs.map((a) => a.id) } : {}),
  };
}

/** The retention sweep's decision: erase once the identity's time is up. */
export function eraseExpiredIdentity(c: Complaint, now: Date): ComplaintChange | undefined {
  if (!c.hasReporterIdentity || !c.identityEraseAfter || Date.parse(c.identityEraseAfter) > now.getTime() || !ENDED.has(c.status)) return undefined;
  return eraseIdentity(c, 'RETENTION_PERIOD', now, { kind: 'SYSTEM' });
}
