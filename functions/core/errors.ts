/** A client mistake: answered 4xx with a problem document, never logged as an error. */
export class DomainError extends Error {
  constructor(
    readonly kind: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'UNPROCESSABLE' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'TOO_MANY_REQUESTS',
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export interface FieldError {
  /** JSON pointer-ish dotted path, e.g. `location.regionCode`. */
  field: string;
  message: string;
  /**
   * Which kind of rule the value broke, for a client that words the message itself (the portal,
   * in the person's language): missing, too short or too long (`limit` says how), or another rule.
   */
  rule?: FieldRule;
  limit?: number;
}

export const FIELD_RULES = ['required', 'too_short', 'too_long', 'format', 'invalid'] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export const validationError = (fieldErrors: FieldError[], message = 'Permintaan tidak valid') => new DomainError('VALIDATION', message, fieldErrors);
export const notFound = (message = 'Tidak ditemukan') => new DomainError('NOT_FOUND', message);
