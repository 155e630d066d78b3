import type * as z from 'zod/mini';
import type { RouteInput } from './route-input';

/** One HTTP route as declared (api-routes.ts and the area modules beside it). */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /**
   * public: anyone. staff: a Cognito ID token, verified by the gateway before the function runs.
   * staff-or-reporter: a staff ID token or a complaint access token, verified by the function.
   */
  auth: 'public' | 'staff' | 'staff-or-reporter';
  /** Every input of the route (path, query, headers, body), validated once by the handler's middleware. */
  input: RouteInput;
  /** What it does, for people: the OpenAPI summary and the function's description. */
  summary: string;
  /**
   * What it answers on success, declared once (contract/outputs/): published in OpenAPI, checked
   * against what the use case returns (`satisfies`), and the portal's type for it.
   */
  output: z.ZodMiniType;
  /** The codes it answers with `output` (200 when not listed): 201 for what it creates, 503 for a degraded health. */
  statuses?: readonly (200 | 201 | 503)[];
}
