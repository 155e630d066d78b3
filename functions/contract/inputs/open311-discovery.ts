import * as z from 'zod/mini';
import { documentPath } from '../open311';
import { defineInput } from '../route-input';

/** GET /open311/discovery.{xml,json} */
export const input = defineInput({ path: documentPath, query: z.strictObject({}) });
