import { complaintActionSchema } from '../complaint-action';
import { complaintPath } from '../complaint-path';
import { defineInput } from '../route-input';

/** POST /v1/complaints/{trackingId}/actions */
export const input = defineInput({ path: complaintPath, body: complaintActionSchema });
