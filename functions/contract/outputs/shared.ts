import * as z from 'zod/mini';
import { COMPLAINT_STATUSES, COMPLAINT_TYPES, OMBUDSMAN_REASONS, REVIEW_STATUSES } from '../../core/complaint';

/** Parts several answers share. */
export const agencyRef = z.object({ id: z.string(), name: z.string() });
export const complaintType = z.enum(COMPLAINT_TYPES);
export const complaintStatus = z.enum(COMPLAINT_STATUSES);
export const ombudsmanReason = z.enum(OMBUDSMAN_REASONS);
export const reviewStatus = z.enum(REVIEW_STATUSES);
export const deadlineStage = z.enum(['DISPOSITION', 'FOLLOW_UP', 'REPORTER_ANSWER', 'REPORTER_CONFIRMATION']);
export const timeZone = z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']);
/** A complaint's current clock (core/complaint.ts Deadline). */
export const deadline = z.object({
  stage: deadlineStage,
  workingDays: z.number(),
  date: z.string(),
  dueAt: z.string(),
  timeZone,
  uncoveredYears: z.optional(z.array(z.number())),
});
/** A clock as shown: the deadline and the working days left before it (negative once passed). */
export const deadlineShown = z.extend(deadline, { workingDaysLeft: z.number() });
/** A spreadsheet import, all rows or none: the ids it created or set. */
export const importOutput = z.object({ imported: z.array(z.string()) });
/** A page of a listing: its items and the sealed cursor of the next page (null after the last). */
export const pageOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
export type DeadlineShown = z.infer<typeof deadlineShown>;
export type ImportOutput = z.infer<typeof importOutput>;

/** A sentence the system wrote, by its key in the translation files' "record" part and its parameters (core/languages.ts). */
export const recordText = z.object({ key: z.string(), params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))) });
