/**
 * What the system does when a reporter stays silent past their deadline (LAPOR! operating rules):
 * a follow-up unanswered for 10 working days is closed as complete, a hold question unanswered is
 * archived. The sweep (use-cases/sweep-reporter-deadlines.ts) applies these; nothing here does I/O.
 */
import { type ComplaintChange, revise } from './change';
import { type LifecyclePolicy, NATIONAL_POLICY } from './clocks';
import type { Complaint, ComplaintStatus } from './complaint';
import { type MessageKey, systemSentence } from './languages';
import { withRetention } from './retention';

/** A transition the system makes when a reporter's deadline passed in `from`. */
function reporterDeadlinePassed(
  c: Complaint,
  now: Date,
  policy: LifecyclePolicy,
  from: ComplaintStatus,
  to: ComplaintStatus,
  changes: (at: string) => Partial<Complaint>,
  said: MessageKey<'record'>,
): ComplaintChange | undefined {
  if (c.status !== from || Date.parse(c.deadline.dueAt) >= now.getTime()) return undefined;
  const at = now.toISOString();
  return {
    complaint: withRetention(revise(c, at, { status: to, ...changes(at) }), policy, now),
    events: [
      {
        at,
        type: to === 'CLOSED' ? 'CLOSED' : 'ARCHIVED',
        actor: { kind: 'SYSTEM' },
        fromStatus: from,
        toStatus: to,
        ...systemSentence(said),
        visibility: 'PUBLIC',
      },
    ],
    notifications: [{ template: 'REPORTER_CLOSED' }],
  };
}

/** A scheduled close after the reporter stayed silent past the confirmation deadline. */
export const closeForSilence = (c: Complaint, now: Date, policy: LifecyclePolicy = NATIONAL_POLICY) =>
  reporterDeadlinePassed(c, now, policy, 'RESPONDED', 'CLOSED', (at) => ({ closure: { how: 'NO_REPLY_FROM_REPORTER', at } }), 'closedForSilence');

/** A scheduled archive after a hold question went unanswered. */
export const archiveForNoAnswer = (c: Complaint, now: Date, policy: LifecyclePolicy = NATIONAL_POLICY) =>
  reporterDeadlinePassed(
    c,
    now,
    policy,
    'ON_HOLD',
    'ARCHIVED',
    (at) => ({ hold: undefined, archive: { reason: 'NO_ANSWER_FROM_REPORTER', at, by: 'SYSTEM' } }),
    'archivedForNoAnswer',
  );
