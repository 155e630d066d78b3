import { calendarChangeSchema } from '../calendar-change';
import { defineInput } from '../route-input';

/** POST /v1/calendar */
export const input = defineInput({ body: calendarChangeSchema });
