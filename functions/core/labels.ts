/**
 * The words people read for the API's codes, in each language the system speaks: the API (views,
 * mails, Open311, case bundles) and the portal (portal/src/labels.ts) both read this module, so
 * they cannot drift. The words themselves live in the translation files, one per language
 * (i18n/<language>.json, section "labels"); each table here is typed by its code's union, and the
 * Indonesian file is checked against it: a new status, action, event, reason or clock without its
 * words does not compile. test/unit/i18n.test.ts holds every other language to the same keys.
 *
 * Pure data with type-only imports: the portal bundles it as it is.
 */
import type { ActionName } from './actions';
import type { RejectionReason } from './attachment-record';
import type { ArchiveReason, ComplaintStatus, ComplaintType, DeadlineStage, OmbudsmanReason, TimelineEventType } from './complaint';
import type { ScorecardFigure, Zone } from './compliance';
import { CATALOGUES, LANGUAGES, type Label, type Language } from './languages';
import type { ReadinessStep } from './readiness';
import type { IndicatorKind } from './service-answers';
import type { CompletionUnit } from './services';
import type { StaffRole } from './staff';
import type { AccountStatus, StaffActionName } from './staff-accounts';

export { CATALOGUES, givenIn, isMessageKey, LANGUAGES, type Label, type Language, type MessageKey, message, textIn } from './languages';

type Tables = (typeof CATALOGUES)['id']['labels'];

/** One table of the files, across languages. */
function table<K extends string>(name: keyof Tables, words: Record<K, string>): Record<K, Label> {
  return Object.fromEntries(
    Object.keys(words).map((code) => [code, Object.fromEntries(LANGUAGES.map((l) => [l, (CATALOGUES[l].labels[name] as Record<string, string>)[code] ?? '']))]),
  ) as Record<K, Label>;
}

export const TYPE: Record<ComplaintType, Label> = table('type', CATALOGUES.id.labels.type satisfies Record<ComplaintType, string>);

export const STATUS: Record<ComplaintStatus, Label> = table('status', CATALOGUES.id.labels.status satisfies Record<ComplaintStatus, string>);

export const ACTION: Record<ActionName, Label> = table('action', CATALOGUES.id.labels.action satisfies Record<ActionName, string>);

/** Why a complaint was archived (shown on its timeline, in the verifier's form and in the reporter's mail). */
export const ARCHIVE_REASON: Record<ArchiveReason, Label> = table('archiveReason', CATALOGUES.id.labels.archiveReason satisfies Record<ArchiveReason, string>);

/** Why a complaint went to the Ombudsman, as a label (the mails' sentences are in ombudsman-review.ts). */
export const REVIEW_REASON: Record<OmbudsmanReason, Label> = table('reviewReason', CATALOGUES.id.labels.reviewReason satisfies Record<OmbudsmanReason, string>);

/** Why a complaint went to the Ombudsman, as it reads inside a sentence (the timeline's and the mails'). */
export const REVIEW_GROUND: Record<OmbudsmanReason, Label> = table('reviewGround', CATALOGUES.id.labels.reviewGround satisfies Record<OmbudsmanReason, string>);

/** Why a file was not attached, as the uploader reads it. */
export const REJECTION_REASON: Record<RejectionReason, Label> = table(
  'rejectionReason',
  CATALOGUES.id.labels.rejectionReason satisfies Record<RejectionReason, string>,
);

/** A sign of maladministration a complaint shows against its service's standard. */
export const INDICATOR: Record<IndicatorKind, Label> = table('indicator', CATALOGUES.id.labels.indicator satisfies Record<IndicatorKind, string>);

/** The unit of a standard's completion time, as it reads after a number. */
export const COMPLETION_UNIT: Record<CompletionUnit, Label> = table(
  'completionUnit',
  CATALOGUES.id.labels.completionUnit satisfies Record<CompletionUnit, string>,
);

export const EVENT: Record<TimelineEventType, Label> = table('event', CATALOGUES.id.labels.event satisfies Record<TimelineEventType, string>);

/** The clock a deadline belongs to (`deadline.stage`), as it reads inside a sentence. */
export const STAGE: Record<DeadlineStage, Label> = table('stage', CATALOGUES.id.labels.stage satisfies Record<DeadlineStage, string>);

/** Staff roles (each the group of the user pool it is named after in core/staff.ts). */
export const ROLE: Record<StaffRole, Label> = table('role', CATALOGUES.id.labels.role satisfies Record<StaffRole, string>);

/** Where a staff account stands. */
export const ACCOUNT_STATUS: Record<AccountStatus, Label> = table('accountStatus', CATALOGUES.id.labels.accountStatus satisfies Record<AccountStatus, string>);

/** What was done to a staff account (its history, and the mail to the person). */
export const STAFF_CHANGE: Record<'INVITE' | 'IMPORT' | StaffActionName, Label> = table(
  'staffChange',
  CATALOGUES.id.labels.staffChange satisfies Record<'INVITE' | 'IMPORT' | StaffActionName, string>,
);

/** The Ombudsman's compliance zones (core/compliance.ts): the word the colour only repeats. */
export const ZONE: Record<Zone, Label> = table('zone', CATALOGUES.id.labels.zone satisfies Record<Zone, string>);

/** The figures of a compliance scorecard (core/compliance.ts), as counted in the period. */
export const FIGURE: Record<ScorecardFigure, Label> = table('figure', CATALOGUES.id.labels.figure satisfies Record<ScorecardFigure, string>);

/** The steps of an agency's readiness (core/readiness.ts), in the order an agency takes them. */
export const READINESS_STEP: Record<ReadinessStep, Label> = table('readinessStep', CATALOGUES.id.labels.readinessStep satisfies Record<ReadinessStep, string>);

/** One table in one language (the portal's lookups by code). */
export function inLanguage<K extends string>(labels: Record<K, Label>, language: Language): Record<K, string> {
  return Object.fromEntries(Object.entries<Label>(labels).map(([code, label]) => [code, label[language]])) as Record<K, string>;
}
