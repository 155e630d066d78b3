import * as z from 'zod/mini';
import { defineInput } from '../route-input';

/** GET /v1/bundles/public-key: no parameters */
export const input = defineInput({ query: z.strictObject({}) });
