import { personQuery } from '../person-query';
import { defineInput } from '../route-input';

/** GET /v1/personal-data */
export const input = defineInput({ query: personQuery });
