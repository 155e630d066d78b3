import { type MessageKey, message } from './languages';

/** A problem's detail as a key of the translation files' "problem" part and its parameters. */
export interface ProblemText {
  key: MessageKey<'problem'>;
  params?: Record<string, string | number>;
}

/** A client mistake: answered 4xx with a problem document, never logged as an error. */
export class DomainError extends Error {
  constructor(
    readonly kind: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'UNPROCESSABLE' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'TOO_MANY_REQUESTS',
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** The detail by its key, for a client that says it in its reader's language (the message is its Indonesian). */
    readonly text?: ProblemText,
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

/**
 * A refusal said by its key in the files' "problem" part: its detail in Indonesian, as the API
 * has always answered, and its key and parameters in the problem document (`text`), so the portal
 * says it in its reader's language.
 */
export const refusal = (kind: DomainError['kind'], key: MessageKey<'problem'>, params?: ProblemText['params'], fieldErrors: FieldError[] = []) =>
  new DomainError(kind, message('id', 'problem', key, params), fieldErrors, params ? { key, params } : { key });
