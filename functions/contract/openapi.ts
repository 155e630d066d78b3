/**
 * The published OpenAPI 3.0 document, built from the same zod schemas the handlers validate
 * with and from the routes the wiring serves (api-routes.ts), so it cannot drift from what runs.
 */

import * as z from 'zod/mini';
import { FIELD_RULES } from '../core/errors';
import type { ApiRoute } from './api-route';
import { API_ROUTES } from './api-routes';

const schema = (s: z.ZodMiniType, io: 'input' | 'output' = 'input') => z.toJSONSchema(s, { target: 'openapi-3.0', io, unrepresentable: 'any' });
const SUCCESS = { 200: 'OK', 201: 'Created', 503: 'Degraded: the same answer, naming what is unavailable' } as const;
/** A declared answer's schema, as OpenAPI 3.0 writes it. */
const answerOf = (output: z.ZodMiniType) => {
  const { $schema: _draft, ...json } = schema(output, 'output') as Record<string, unknown>;
  return json;
};

const problem = {
  description: 'RFC 9457 problem details naming each bad field',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string', description: 'What went wrong, in Indonesian' },
          text: {
            type: 'object',
            description:
              'The detail by its key in the translation files (i18n/<language>.json, part "problem") and its parameters, for a client that says it in its reader\'s language',
            required: ['key'],
            properties: { key: { type: 'string' }, params: { type: 'object', additionalProperties: { type: ['string', 'number'] } } },
          },
          errors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['field', 'message'],
              properties: {
                field: { type: 'string', description: 'The dotted path of the bad field, e.g. location.regionCode' },
                message: { type: 'string', description: 'What is wrong, in Indonesian' },
                rule: { type: 'string', enum: [...FIELD_RULES], description: 'The kind of rule broken, for a client that words its own message' },
                limit: { type: 'integer', description: 'For too_short and too_long: the bound' },
              },
            },
          },
        },
      },
    },
  },
};

/** The parameters of one part of a route's input (path, query, header) as OpenAPI parameters. */
function parametersOf(where: 'path' | 'query' | 'header', object: z.ZodMiniObject | undefined) {
  return Object.entries(object?.shape ?? {}).map(([name, s]) => {
    const { $schema: _draft, ...json } = schema(s as z.ZodMiniType) as Record<string, unknown>;
    return {
      name: where === 'header' ? name.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase()) : name,
      in: where,
      required: where === 'path' || !(s as z.ZodMiniType).safeParse(undefined).success,
      schema: json,
    };
  });
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, t] of Object.entries(API_ROUTES) as [string, ApiRoute][]) {
    const body = t.input.body;
    const params = [...parametersOf('path', t.input.path), ...parametersOf('query', t.input.query), ...parametersOf('header', t.input.headers)];
    paths[t.path] ??= {};
    (paths[t.path] as Record<string, unknown>)[t.method.toLowerCase()] = {
      operationId: id,
      summary: t.summary,
      ...(params.length ? { parameters: params } : {}),
      ...(t.auth === 'staff'
        ? { security: [{ staffIdToken: [] }] }
        : t.auth === 'staff-or-reporter'
          ? { security: [{ staffIdToken: [] }, { accessToken: [] }, {}] }
          : {}),
      ...(body
        ? {
            requestBody: {
              required: true,
              content: { [t.input.bodyEncoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json']: { schema: schema(body) } },
            },
          }
        : {}),
      responses: {
        ...Object.fromEntries(
          (t.statuses ?? [200]).map((code) => [String(code), { description: SUCCESS[code], content: { 'application/json': { schema: answerOf(t.output) } } }]),
        ),
        '400': problem,
        ...(t.auth !== 'public' ? { '401': problem, '403': problem } : {}),
        '404': problem,
        ...(t.method === 'POST' ? { '409': problem, '413': problem, '415': problem, '422': problem } : {}),
        '429': problem,
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Aduan — pengaduan pelayanan publik',
      version: '1',
      description: 'Complaints, aspirations and information requests to Indonesian public-service agencies (SP4N-LAPOR! style).',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        staffIdToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito ID token of a staff member' },
        accessToken: { type: 'http', scheme: 'bearer', description: "The complaint's access token, given to the reporter at submission" },
      },
    },
    paths,
  };
}
