import * as z from 'zod/mini';
import { agencyRef, pageOf } from './shared';

/** A service of the catalogue (SIPP), as listed. */
export const serviceSummary = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.optional(z.string()),
  agency: agencyRef,
  regionCodes: z.array(z.string()),
  currentVersion: z.number(),
});

/** One version of a service's standard: the 14 components of UU 25/2009 Pasal 21, and who published it when. */
export const serviceStandard = z.object({
  version: z.number(),
  decreeNumber: z.string(),
  effectiveFrom: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  correction: z.optional(z.object({ of: z.number(), reason: z.string() })),
  legalBasis: z.string(),
  requirements: z.array(z.string()),
  procedure: z.array(z.string()),
  completionTime: z.object({ value: z.number(), unit: z.enum(['MINUTES', 'HOURS', 'WORKING_DAYS']) }),
  cost: z.union([z.object({ kind: z.literal('FREE') }), z.object({ kind: z.literal('TARIFF'), amount: z.number(), legalBasis: z.string() })]),
  product: z.string(),
  facilities: z.string(),
  staffCompetence: z.string(),
  internalSupervision: z.string(),
  complaintHandling: z.object({ channels: z.string(), dispositionWorkingDays: z.optional(z.number()), followUpWorkingDays: z.optional(z.number()) }),
  staffCount: z.string(),
  serviceGuarantee: z.string(),
  securityGuarantee: z.string(),
  performanceEvaluation: z.string(),
});

/** GET /v1/services: the catalogue by name. */
export const serviceListOutput = pageOf(serviceSummary);

/** GET /v1/services/{serviceId}: a service, one version of its standard, and the list of its versions. */
export const serviceDetailOutput = z.object({
  id: z.string(),
  agencyId: z.string(),
  unit: z.optional(z.string()),
  name: z.string(),
  regionCodes: z.array(z.string()),
  status: z.enum(['ACTIVE', 'RETIRED']),
  currentVersion: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  agency: agencyRef,
  standard: serviceStandard,
  versions: z.array(
    z.object({
      version: z.number(),
      decreeNumber: z.string(),
      effectiveFrom: z.string(),
      publishedAt: z.string(),
      correction: z.optional(z.object({ of: z.number(), reason: z.string(), by: z.string() })),
    }),
  ),
});

export type ServiceSummary = z.infer<typeof serviceSummary>;
export type ServiceStandardView = z.infer<typeof serviceStandard>;
export type ServiceListOutput = z.infer<typeof serviceListOutput>;
export type ServiceDetailOutput = z.infer<typeof serviceDetailOutput>;
