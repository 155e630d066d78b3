import { defineInput } from '../route-input';
import { newServiceSchema } from '../service-standard';

/** POST /v1/services (an agency's service administrator) */
export const input = defineInput({ body: newServiceSchema });
