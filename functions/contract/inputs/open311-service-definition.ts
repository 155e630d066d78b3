import * as z from 'zod/mini';
import { documentPath, readingQuery } from '../open311';
import { defineInput } from '../route-input';

/** GET /open311/v2/services/{service_code}.{xml,json} */
export const input = defineInput({ path: documentPath, query: z.strictObject(readingQuery) });
