import * as z from 'zod/mini';
import { CALENDAR_YEAR_RANGE } from '../../core/working-days';
import { defineInput, intParam } from '../route-input';

/** GET /v1/calendar */
export const input = defineInput({ query: z.strictObject({ year: z.optional(intParam(CALENDAR_YEAR_RANGE.min, CALENDAR_YEAR_RANGE.max)) }) });
