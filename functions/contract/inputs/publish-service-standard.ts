import { defineInput } from '../route-input';
import { servicePath } from '../service-path';
import { publishStandardSchema } from '../service-standard';

/** POST /v1/services/{serviceId}/versions */
export const input = defineInput({ path: servicePath, body: publishStandardSchema });
