import * as z from 'zod/mini';
import { COMPLAINT_STATUSES, COMPLAINT_TYPES, OMBUDSMAN_REASONS } from '../../core/complaint';

/** Parts several answers share. */
export const agencyRef = z.object({ id: z.string(), name: z.string() });
export const complaintType = z.enum(COMPLAINT_TYPES);
export const complaintStatus = z.enum(COMPLAINT_STATUSES);
export const ombudsmanReason = z.enum(OMBUDSMAN_REASONS);
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
/** A page of a listing: its items and the sealed cursor of the next page (null after the last). */
export const pageOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
