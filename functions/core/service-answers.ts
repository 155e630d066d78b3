/**
 * What a reporter says of a service they received, as its standard makes it checkable, and the
 * signs of maladministration those answers show against the standard (UU 37/2008). The judging
 * itself is in services.ts.
 */
import type { RecordText } from './languages';

/** What the reporter says of the service they received, as the standard makes it checkable. */
export interface ServiceAnswers {
  /** YYYY-MM-DD they applied (handed in the request). */
  appliedOn: string;
  /** YYYY-MM-DD it was completed; absent while still waiting (counted up to the submission). */
  completedOn?: string;
  /** Rupiah they paid; 0 or absent when nothing. */
  charged?: number;
  /** Requirements they were asked for that the standard does not list. */
  extraRequirements?: string[];
}

export const INDICATOR_KINDS = ['PROLONGED_DELAY', 'ILLEGAL_LEVY', 'PROCEDURAL_DEVIATION'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** A sign of maladministration, with the standard's clause next to the reporter's answer. */
export interface MaladministrationIndicator {
  kind: IndicatorKind;
  /** What the standard says (with its decree). */
  standard: string;
  /** What the reporter says happened. */
  reported: string;
  /** Both sentences as keys of the translation files, to read in any language. */
  text?: { standard: RecordText; reported: RecordText };
}
