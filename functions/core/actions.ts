/**
 * The actions a caller can ask of a complaint, and what each takes: the vocabulary of the state
 * machine (lifecycle.ts), of the API's action route and of the portal's buttons.
 */
import type { ArchiveReason, ComplaintType } from './complaint';

export const ACTION_NAMES = [
  'VERIFY',
  'HOLD',
  'ARCHIVE',
  'ACKNOWLEDGE',
  'RESPOND',
  'TRANSFER',
  'COMMENT',
  'REPLY',
  'CONFIRM_RESOLVED',
  'REOPEN',
  'RATE',
  'REQUEST_OMBUDSMAN_REVIEW',
  'TAKE_OVER',
  'RETURN_TO_AGENCY',
  'DISMISS',
  'ERASE_IDENTITY',
  'CONFIRM_EMAIL',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export type ActionInput =
  | {
      action: 'VERIFY';
      agencyId: string;
      copyToAgencyIds?: string[];
      type?: ComplaintType;
      categoryId?: string;
      anonymous?: boolean;
      confidential?: boolean;
    }
  | { action: 'HOLD'; question: string }
  | { action: 'ARCHIVE'; reason: Exclude<ArchiveReason, 'NO_ANSWER_FROM_REPORTER'>; note?: string; duplicateOf?: string }
  | { action: 'ACKNOWLEDGE' }
  | { action: 'RESPOND'; message: string }
  | { action: 'TRANSFER'; reason: string; suggestedAgencyId?: string }
  | { action: 'COMMENT'; message: string; internal?: boolean }
  | { action: 'REPLY'; message: string }
  | { action: 'CONFIRM_RESOLVED' }
  | { action: 'REOPEN'; message: string }
  | { action: 'RATE'; score: number; comment?: string }
  | { action: 'REQUEST_OMBUDSMAN_REVIEW'; consentToShareIdentity: boolean; message?: string }
  | { action: 'TAKE_OVER'; note?: string }
  | { action: 'RETURN_TO_AGENCY'; recommendation: string; workingDays: number }
  | { action: 'DISMISS'; reason: string }
  | { action: 'ERASE_IDENTITY' }
  /** `code` from the confirmation mail; the use case checks it before the state machine runs. */
  | { action: 'CONFIRM_EMAIL'; code: string };
