import { personQuery } from '../person-query';
import { defineInput } from '../route-input';

/** POST /v1/personal-data/erasures */
export const input = defineInput({ body: personQuery });
