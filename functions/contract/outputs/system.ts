import * as z from 'zod/mini';

/** GET /v1/health: each dependency's state and the calendar's coverage (503 with the same body when degraded). */
export const healthOutput = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.object({ table: z.string(), routingQueue: z.string(), notificationQueue: z.string() }),
  calendar: z.object({
    coveredYears: z.array(z.object({ year: z.number(), source: z.optional(z.string()) })),
    missingYears: z.array(z.number()),
    warning: z.optional(z.string()),
  }),
});

/** GET /v1/openapi.json: an OpenAPI 3.1 document (its own schema is the specification's). */
export const openApiOutput = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/** POST /v1/open311-keys (operators): the client's key, shown this once (only its hash is kept). */
export const clientKeyOutput = z.object({ name: z.string(), apiKey: z.string(), keyId: z.string() });

/** POST /v1/open311-keys/revocations */
export const clientKeyRevocationOutput = z.object({ keyId: z.string(), revoked: z.literal(true) });

export type HealthOutput = z.infer<typeof healthOutput>;
export type ClientKeyOutput = z.infer<typeof clientKeyOutput>;
export type ClientKeyRevocationOutput = z.infer<typeof clientKeyRevocationOutput>;
