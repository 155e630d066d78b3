import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../../core/complaint';
import { cursorParam, defineInput, intParam } from '../route-input';

/** GET /v1/inbox */
export const input = defineInput({
  query: z.strictObject({
    status: z.enum([...COMPLAINT_STATUSES, 'OPEN', 'TAKEN_OVER', 'RETURNED', 'DISMISSED'], { error: 'status tidak dikenal' }).optional(),
    view: z.enum(['escalated'], { error: 'hanya "escalated"' }).optional(),
    limit: intParam(1, 100).default(25),
    cursor: cursorParam.optional(),
  }),
});
