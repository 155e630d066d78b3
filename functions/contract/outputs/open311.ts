import * as z from 'zod/mini';

/**
 * Open311 GeoReport v2 answers, as JSON (the XML form carries the same fields as elements). Field
 * names are the specification's; lists are arrays even for one item, as the specification asks.
 */

/** GET /open311/discovery.json */
export const open311DiscoveryOutput = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(z.object({ specification: z.string(), url: z.string(), changeset: z.string(), type: z.string(), formats: z.array(z.string()) })),
});

/** GET /open311/v2/services.json: complaint categories (no attributes) and SIPP services (attributes from their standard). */
export const open311ServicesOutput = z.array(
  z.object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.string(),
    keywords: z.string(),
    group: z.string(),
  }),
);

/** GET /open311/v2/services/{service_code}.json: the attributes a SIPP service asks for. */
export const open311ServiceDefinitionOutput = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.string(),
      required: z.boolean(),
      datatype_description: z.string(),
      order: z.number(),
      description: z.string(),
    }),
  ),
});

/** One service request as the public sees it: no identity, times with their offset, '' for what is unknown. */
const serviceRequest = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string(),
  address: z.string(),
  address_id: z.string(),
  zipcode: z.string(),
  lat: z.union([z.number(), z.literal('')]),
  long: z.union([z.number(), z.literal('')]),
  media_url: z.string(),
});

/** GET /open311/v2/requests.json and /requests/{id}.json */
export const open311RequestsOutput = z.array(serviceRequest);

/** GET /open311/v2/services.json or requests.json (one route serves both documents). */
export const open311ListOutput = z.union([open311ServicesOutput, open311RequestsOutput]);

/** POST /open311/v2/requests.json: the new request's id and when it will be verified. */
export const open311CreatedOutput = z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string() }));

export type Open311ServicesOutput = z.infer<typeof open311ServicesOutput>;
export type Open311ServiceDefinitionOutput = z.infer<typeof open311ServiceDefinitionOutput>;
export type Open311RequestsOutput = z.infer<typeof open311RequestsOutput>;
export type Open311CreatedOutput = z.infer<typeof open311CreatedOutput>;
