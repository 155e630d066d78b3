import * as z from 'zod/mini';
import { regionCode } from '../region-param';
import { cursorParam, defineInput, intParam } from '../route-input';
import { identifier, singleLine } from '../text';

/** GET /v1/services: the SIPP catalogue */
export const input = defineInput({
  query: z.strictObject({
    q: z.optional(singleLine(100)),
    agencyId: z.optional(identifier()),
    regionCode: z.optional(regionCode),
    limit: z._default(intParam(1, 100), 25),
    cursor: z.optional(cursorParam),
  }),
});
