/**
 * A change to a complaint, as every transition produces it: the new state, the timeline
 * entries (the audit trail) and the notifications it owes. Stored in one version-checked write.
 */
import type { Complaint, TimelineEvent } from './complaint';
import type { NotificationIntent } from './notifications';

export interface ComplaintChange {
  complaint: Complaint;
  events: TimelineEvent[];
  notifications: NotificationIntent[];
  /** The stored identity (and contact lookups) must go in the same write. */
  eraseIdentity?: true;
  /** Archived as a duplicate of this complaint: the link and its count go in the same write. */
  mergedInto?: string;
  /** Attachments whose files are erased (with the reporter's identity): handed to the upload queue's worker through the outbox. */
  eraseAttachments?: string[];
}

/** The next version of a complaint at `at`: the one place a version moves on. */
export function revise(c: Complaint, at: string, changes: Partial<Complaint> = {}): Complaint {
  return { ...c, ...changes, updatedAt: at, version: c.version + 1 };
}
