import { z } from 'zod';
import { parseTrackingId } from '../core/tracking-id';

/** A tracking number as people type it (spaces, lower case, missing dash), normalised. */
const trackingId = z
  .string()
  .max(32, 'nomor pelacakan tidak valid')
  .transform((input, ctx) => {
    const parsed = parseTrackingId(input);
    if (parsed.ok) return parsed.trackingId;
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  });

/** `/v1/complaints/{trackingId}`. */
export const complaintPath = z.strictObject({ trackingId });
