import { z } from 'zod';
import { regionCode } from '../region-param';
import { cursorParam, defineInput, enumParam, intParam } from '../route-input';

/** GET /v1/agencies */
export const input = defineInput({
  query: z.strictObject({
    level: enumParam(['NATIONAL', 'PROVINCE', 'REGENCY', 'OMBUDSMAN']).optional(),
    regionCode: regionCode.optional(),
    limit: intParam(1, 200).default(50),
    cursor: cursorParam.optional(),
  }),
});
