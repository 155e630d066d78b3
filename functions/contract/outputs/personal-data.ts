import * as z from 'zod/mini';
import { ATTACHMENT_STATUSES, ATTACHMENT_TYPES } from '../../core/attachment-record';
import { complaintStatus, complaintType } from './shared';

/**
 * GET /v1/personal-data (operators, for the person themselves): everything Aduan holds of one
 * person across their complaints — identity, their own words, their files — each read audited.
 */
export const personalDataOutput = z.object({
  exportedAt: z.string(),
  exportedBy: z.string(),
  complaints: z.array(
    z.object({
      trackingId: z.string(),
      submittedAt: z.string(),
      status: complaintStatus,
      type: complaintType,
      title: z.string(),
      description: z.string(),
      location: z.object({ regionCode: z.string(), address: z.optional(z.string()), latitude: z.optional(z.number()), longitude: z.optional(z.number()) }),
      anonymous: z.boolean(),
      confidential: z.boolean(),
      identity: z.nullable(z.object({ name: z.optional(z.string()), email: z.optional(z.string()), phone: z.optional(z.string()) })),
      identityEraseAfter: z.optional(z.string()),
      reporterMessages: z.array(z.object({ at: z.string(), type: z.string(), message: z.string() })),
      attachments: z.array(
        z.object({
          id: z.string(),
          fileName: z.string(),
          contentType: z.enum(ATTACHMENT_TYPES),
          size: z.number(),
          status: z.enum(ATTACHMENT_STATUSES),
          requestedAt: z.string(),
          sha256: z.optional(z.string()),
        }),
      ),
      rating: z.optional(z.object({ score: z.number(), comment: z.optional(z.string()), at: z.string() })),
    }),
  ),
});

/** POST /v1/personal-data/erasures: the complaints whose identity was erased now. */
export const erasureOutput = z.object({ erased: z.array(z.string()), count: z.number() });

export type PersonalDataOutput = z.infer<typeof personalDataOutput>;
export type ErasureOutput = z.infer<typeof erasureOutput>;
