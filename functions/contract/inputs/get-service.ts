import * as z from 'zod/mini';
import { defineInput, intParam } from '../route-input';
import { servicePath } from '../service-path';

/** GET /v1/services/{serviceId}?version= */
export const input = defineInput({ path: servicePath, query: z.strictObject({ version: z.optional(intParam(1, 10_000)) }) });
