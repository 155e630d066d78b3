import * as z from 'zod/mini';
import { defineInput } from '../route-input';

/** GET /v1/openapi.json: no parameters */
export const input = defineInput({ query: z.strictObject({}) });
