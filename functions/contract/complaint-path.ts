import * as z from 'zod/mini';
import { parseTrackingId } from '../core/tracking-id';

/** A tracking number as people type it (spaces, lower case, missing dash), normalised. */
const trackingId = z.pipe(
  z.string().check(z.maxLength(32, 'nomor pelacakan tidak valid')),
  z.transform((input: string, ctx) => {
    const parsed = parseTrackingId(input);
    if (parsed.ok) return parsed.trackingId;
    ctx.issues.push({ code: 'custom', message: parsed.reason, input });
    return z.NEVER;
  }),
);

/** `/v1/complaints/{trackingId}`. */
export const complaintPath = z.strictObject({ trackingId });
