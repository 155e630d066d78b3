import * as z from 'zod/mini';
import { serviceStandardSchema } from '../service-standard';
import { agencyRef, pageOf } from './shared';

/** A service of the catalogue (SIPP), as listed. */
export const serviceSummary = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.optional(z.string()),
  unit: z.optional(z.string()),
  agency: agencyRef,
  regionCodes: z.array(z.string()),
  currentVersion: z.number(),
});

/**
 * One version of a service's standard as published: the components of UU 25/2009 Pasal 21 as the
 * administrator's schema declares them (contract/service-standard.ts), and who published it when.
 */
export const serviceStandard = z.extend(serviceStandardSchema, {
  version: z.number(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  correction: z.optional(z.object({ of: z.number(), reason: z.string() })),
});

/** GET /v1/services: the catalogue by name. */
export const serviceListOutput = pageOf(serviceSummary);

/** GET /v1/services/{serviceId}: a service, one version of its standard, and the list of its versions. */
export const serviceDetailOutput = z.object({
  id: z.string(),
  agencyId: z.string(),
  unit: z.optional(z.string()),
  name: z.string(),
  nameEn: z.optional(z.string()),
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
