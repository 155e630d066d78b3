import * as z from 'zod/mini';
import { complaintPath } from '../complaint-path';
import { cursorParam, defineInput, enumParam, intParam } from '../route-input';

/** GET /v1/complaints/{trackingId} */
export const input = defineInput({
  path: complaintPath,
  query: z.strictObject({
    /** The timeline is paged: the newest entries first, `timelineCursor` for older ones. */
    timelineLimit: z.optional(intParam(1, 200)),
    timelineCursor: z.optional(cursorParam),
    /** Staff: `?identity=show` discloses the reporter's identity where the role allows (audited). */
    identity: z.optional(enumParam(['SHOW'])),
  }),
});
