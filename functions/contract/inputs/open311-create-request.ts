import * as z from 'zod/mini';
import { documentPath, jurisdictionQuery, postRequestForm } from '../open311';
import { defineInput } from '../route-input';

/** POST /open311/v2/requests.{xml,json} (form fields; jurisdiction_id also in the query string) */
export const input = defineInput({ path: documentPath, query: z.strictObject(jurisdictionQuery), body: postRequestForm, bodyEncoding: 'form' });
