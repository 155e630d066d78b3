import * as z from 'zod/mini';
import { COMPLAINT_STATUSES } from '../../core/complaint';
import { regionCode } from '../region-param';
import { cursorParam, defineInput, enumParam, intParam } from '../route-input';
import { identifier } from '../text';

/** GET /v1/complaints: the public feed */
export const input = defineInput({
  query: z.strictObject({
    regionCode: z.optional(regionCode),
    categoryId: z.optional(identifier()),
    status: z.optional(enumParam(COMPLAINT_STATUSES)),
    limit: z._default(intParam(1, 50), 20),
    cursor: z.optional(cursorParam),
  }),
});
