import * as z from 'zod/mini';
import { defineInput } from '../route-input';
import { servicePath } from '../service-path';

/** POST /v1/services/{serviceId}/retirement */
export const input = defineInput({ path: servicePath, body: z.strictObject({}) });
