import type * as z from 'zod/mini';
import type { FieldError } from '../core/errors';

/** The kind of rule a zod issue reports, and its bound for a length. */
export function ruleOf(issue: z.core.$ZodIssue): Pick<FieldError, 'rule' | 'limit'> {
  switch (issue.code) {
    case 'invalid_type':
      return { rule: 'required' };
    case 'too_small': {
      const min = Number(issue.minimum);
      return issue.origin === 'string' && min <= 1 ? { rule: 'required' } : { rule: 'too_short', limit: min };
    }
    case 'too_big':
      return { rule: 'too_long', limit: Number(issue.maximum) };
    case 'invalid_format':
      return { rule: 'format' };
    default:
      return { rule: 'invalid' };
  }
}

/** zod issues → one entry per bad field, named by its dotted path. */
export function fieldErrorsOf(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(body)',
    message: issue.code === 'unrecognized_keys' ? `kolom tidak dikenal: ${issue.keys.join(', ')}` : issue.message,
    ...ruleOf(issue),
  }));
}
