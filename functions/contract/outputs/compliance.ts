import * as z from 'zod/mini';
import { AGENCY_LEVELS } from '../../core/agencies';
import { SCORECARD_FIGURES, ZONES } from '../../core/compliance';
import { recordText } from './shared';

const zone = z.enum(ZONES);
const period = z.object({ from: z.string(), to: z.string() });

/** The methodology as published beside every score: enough to recompute one by hand. */
export const methodologyOutput = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  source: z.string(),
  bands: z.array(z.object({ zone, min: z.number(), label: z.string() })),
  minimumComplaints: z.number(),
  weights: z.object({ parts: z.record(z.string(), z.number()), handling: z.record(z.string(), z.number()) }),
  penalties: z.object({ indicators: z.record(z.string(), z.number()), ombudsmanFlag: z.number() }),
});

/** One agency's score and the figures behind each part: counts only, never a complaint or an identity. */
const scored = {
  agencyId: z.string(),
  name: z.string(),
  level: z.enum(AGENCY_LEVELS),
  provinceCode: z.optional(z.string()),
  score: z.nullable(z.number()),
  zone,
  methodology: z.string(),
  notScored: z.optional(z.string()),
  parts: z.object({
    standards: z.object({ score: z.number(), services: z.number() }),
    handling: z.object({
      score: z.number(),
      assigned: z.number(),
      firstFollowUpOnTime: z.number(),
      firstFollowUpLate: z.number(),
      closedWithinStatute: z.number(),
      closedAfterStatute: z.number(),
      recommendationsFollowed: z.number(),
      recommendationsIgnored: z.number(),
      transfers: z.number(),
      escalations: z.number(),
      reopenings: z.number(),
      ratingCount: z.number(),
      ratingAverage: z.nullable(z.number()),
    }),
    indicators: z.object({
      penalty: z.number(),
      prolongedDelay: z.number(),
      illegalLevy: z.number(),
      proceduralDeviation: z.number(),
      ombudsmanFlags: z.number(),
    }),
  }),
};

/** GET /v1/compliance: every agency ranked within its level (country-wide) and its province. */
export const complianceTableOutput = z.object({
  period,
  methodology: methodologyOutput,
  rows: z.array(z.object({ ...scored, rank: z.nullable(z.number()), rankInProvince: z.nullable(z.number()) })),
});

/** GET /v1/compliance/{agencyId}: the scorecard, month by month, and what would raise it. */
export const scorecardOutput = z.object({
  ...scored,
  period,
  /** The methodology in force at the period's end (its version is also `methodology` of each row of the table). */
  methodologyInForce: methodologyOutput,
  trend: z.array(z.object({ month: z.string(), score: z.nullable(z.number()), zone })),
  /** What would raise the score most, first: each in Indonesian (`message`) and as a sentence to read in any language (`text`). */
  advice: z.array(z.object({ message: z.string(), text: recordText })),
});

/** GET /v1/compliance/{agencyId}/complaints: the complaints behind one figure (staff only: tracking numbers, no text, no identity). */
export const figureComplaintsOutput = z.object({
  agencyId: z.string(),
  name: z.string(),
  period,
  figure: z.enum(SCORECARD_FIGURES),
  complaints: z.array(z.object({ trackingId: z.string(), month: z.string(), times: z.number() })),
  /** More complaints make the figure than the page shows: narrow the period. */
  truncated: z.boolean(),
});

export type FigureComplaintsOutput = z.infer<typeof figureComplaintsOutput>;
export type ComplianceTableOutput = z.infer<typeof complianceTableOutput>;
export type ScorecardOutput = z.infer<typeof scorecardOutput>;
export type MethodologyOutput = z.infer<typeof methodologyOutput>;
