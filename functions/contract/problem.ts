import type * as z from 'zod/mini';
import type { FieldError } from '../core/errors';

/** zod issues → one entry per bad field, named by its dotted path. */
export function fieldErrorsOf(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(body)',
    message: issue.code === 'unrecognized_keys' ? `kolom tidak dikenal: ${issue.keys.join(', ')}` : issue.message,
  }));
}
