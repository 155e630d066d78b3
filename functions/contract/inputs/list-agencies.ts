import * as z from 'zod/mini';
import { AGENCY_LEVELS } from '../../core/agencies';
import { regionCode } from '../region-param';
import { cursorParam, defineInput, enumParam, intParam } from '../route-input';

/** GET /v1/agencies */
export const input = defineInput({
  query: z.strictObject({
    level: z.optional(enumParam(AGENCY_LEVELS)),
    regionCode: z.optional(regionCode),
    limit: z._default(intParam(1, 200), 50),
    cursor: z.optional(cursorParam),
  }),
});
