import * as z from 'zod/mini';
import { complaintPath } from '../complaint-path';
import { defineInput } from '../route-input';

/** GET /v1/complaints/{trackingId}/duplicates */
export const input = defineInput({ path: complaintPath, query: z.strictObject({}) });
