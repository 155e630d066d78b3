import * as z from 'zod/mini';
import { AGENCY_LEVELS } from '../../core/agencies';

/** The figures of one agency, region or service for a month: counts, on-time shares, ratings. */
const figures = {
  received: z.number(),
  assigned: z.number(),
  verifiedOnTimePct: z.nullable(z.number()),
  firstFollowUpOnTimePct: z.nullable(z.number()),
  firstFollowUps: z.number(),
  medianWorkingDaysToFirstFollowUp: z.nullable(z.number()),
  openOverdue: z.number(),
  misses: z.number(),
  escalations: z.number(),
  transfers: z.number(),
  reopenings: z.number(),
  ombudsmanFlags: z.number(),
  indicators: z.object({ prolongedDelay: z.number(), illegalLevy: z.number(), proceduralDeviation: z.number() }),
  averageRating: z.nullable(z.number()),
  ratings: z.number(),
};

/** One row: of an agency, a region, or a service's standard version (with its agency). */
export const statsItem = z.object({
  ...figures,
  agency: z.optional(
    z.object({
      id: z.string(),
      name: z.string(),
      level: z.optional(z.enum(AGENCY_LEVELS)),
      regionCode: z.optional(z.nullable(z.string())),
    }),
  ),
  region: z.optional(z.object({ code: z.string(), name: z.string() })),
  service: z.optional(z.object({ id: z.string(), name: z.string(), version: z.number() })),
  /** Only in an Ombudsman office's ranking of its province. */
  rank: z.optional(z.number()),
});

/** GET /v1/stats: public aggregates of a month (an Ombudsman officer gets their province ranked). */
export const statsOutput = z.object({
  month: z.string(),
  level: z.string(),
  regionCode: z.optional(z.string()),
  province: z.optional(z.string()),
  ranked: z.optional(z.boolean()),
  items: z.array(statsItem),
});
export type StatsItem = z.infer<typeof statsItem>;
export type StatsOutput = z.infer<typeof statsOutput>;
