import * as z from 'zod/mini';
import { COMPLAINT_STATUSES, REVIEW_STATUSES } from '../../core/complaint';
import { cursorParam, defineInput, intParam } from '../route-input';

/** GET /v1/inbox */
export const input = defineInput({
  query: z.strictObject({
    status: z.optional(z.enum([...COMPLAINT_STATUSES, ...REVIEW_STATUSES], { error: 'status tidak dikenal' })),
    view: z.optional(z.enum(['escalated'], { error: 'hanya "escalated"' })),
    limit: z._default(intParam(1, 100), 25),
    cursor: z.optional(cursorParam),
  }),
});
