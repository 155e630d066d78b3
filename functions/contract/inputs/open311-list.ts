import { documentPath, requestsQuery } from '../open311';
import { defineInput } from '../route-input';

/** GET /open311/v2/services.{xml,json} and /open311/v2/requests.{xml,json} */
export const input = defineInput({ path: documentPath, query: requestsQuery });
