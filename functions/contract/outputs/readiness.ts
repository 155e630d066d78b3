import * as z from 'zod/mini';
import { AGENCY_LEVELS } from '../../core/agencies';
import { READINESS_STEPS } from '../../core/readiness';

/** One agency's checklist, computed from what exists: each step done or what to do, and the first step left. */
export const readinessOutput = z.object({
  agencyId: z.string(),
  name: z.string(),
  level: z.enum(AGENCY_LEVELS),
  provinceCode: z.optional(z.string()),
  ready: z.boolean(),
  steps: z.array(z.object({ step: z.enum(READINESS_STEPS), done: z.boolean(), detail: z.string(), next: z.optional(z.string()) })),
  nextStep: z.optional(z.enum(READINESS_STEPS)),
});

/** GET /v1/readiness: the local governments' checklists, and how many of the 552 are ready. */
export const readinessTableOutput = z.object({
  summary: z.object({ localGovernments: z.number(), ready: z.number(), shown: z.number(), readyShown: z.number() }),
  rows: z.array(readinessOutput),
});

export type ReadinessOutput = z.infer<typeof readinessOutput>;
export type ReadinessTableOutput = z.infer<typeof readinessTableOutput>;
