import * as z from 'zod/mini';
import { identifier } from './text';

/** `/v1/services/{serviceId}`. */
export const servicePath = z.strictObject({ serviceId: identifier('kode layanan') });
