import * as z from 'zod/mini';
import { defineInput } from '../route-input';
import { singleLine } from '../text';

/** POST /v1/open311-keys (operators): a key for one client application */
export const input = defineInput({ body: z.strictObject({ name: singleLine(120, 3) }) });
