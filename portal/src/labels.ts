/** The labels of the API's codes, as a citizen or an officer reads them, and dates in their language. */
import * as LABELS from '../../functions/core/labels';
import { LANGUAGE, LOCALE } from './i18n';

// The words for the API's codes come from the one module the API reads too (functions/core/labels.ts,
// which reads the translation files), in the page's language.

export const TYPE_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.TYPE, LANGUAGE);
export const STATUS_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.STATUS, LANGUAGE);
export const ACTION_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.ACTION, LANGUAGE);
export const ARCHIVE_REASON_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.ARCHIVE_REASON, LANGUAGE);
export const REVIEW_REASON_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.REVIEW_REASON, LANGUAGE);
export const EVENT_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.EVENT, LANGUAGE);
export const COMPLETION_UNIT_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.COMPLETION_UNIT, LANGUAGE);
export const REJECTION_REASON_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.REJECTION_REASON, LANGUAGE);
export const INDICATOR_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.INDICATOR, LANGUAGE);
/** The clock a deadline belongs to (`deadline.stage`). */
export const STAGE_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.STAGE, LANGUAGE);
export const ROLE_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.ROLE, LANGUAGE);
export const ACCOUNT_STATUS_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.ACCOUNT_STATUS, LANGUAGE);
export const STAFF_CHANGE_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.STAFF_CHANGE, LANGUAGE);
export const ZONE_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.ZONE, LANGUAGE);
export const FIGURE_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.FIGURE, LANGUAGE);
export const READINESS_STEP_LABELS: Record<string, string> = LABELS.inLanguage(LABELS.READINESS_STEP, LANGUAGE);

export const label = (labels: Record<string, string>, code: string) => labels[code] ?? code.replaceAll('_', ' ').toLowerCase();

const DATE = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** `2026-04-02` → `2 April 2026` (a calendar date, not shifted by the phone's zone). */
export const formatDate = (ymd: string) => DATE.format(new Date(`${ymd}T12:00:00Z`));
export const formatDateTime = (iso: string) => DATE_TIME.format(new Date(iso));
