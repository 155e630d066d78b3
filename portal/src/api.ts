/** The portal's one way to call the API (same origin): JSON in, JSON or problem+json out. */
import type { FieldError as CoreFieldError, FieldRule } from '../../functions/core/errors';
import { LANGUAGE, type MessageKey, problemSentence, t } from './i18n';

/** A bad field as the API names it (functions/core/errors.ts). */
export type FieldError = CoreFieldError;

/**
 * What a person reads for a bad field: what to do, in plain words, never the API's codes. Fields
 * whose fix is always the same say it; otherwise the kind of rule the API reports picks the
 * words (too short, too long), and the API's own message is the last resort.
 */
const SAY: Record<string, Partial<Record<FieldRule | 'any', MessageKey>>> = {
  type: { any: 'errors.fields.type' },
  categoryId: { any: 'errors.fields.categoryId' },
  'location.regionCode': { any: 'errors.fields.region' },
  location: { any: 'errors.fields.region' },
  incidentDate: { any: 'errors.fields.incidentDate' },
  'reporter.name': { required: 'errors.fields.reporterName' },
  'reporter.email': { required: 'errors.fields.reporterEmailRequired', format: 'errors.fields.reporterEmailFormat' },
  agencyId: { required: 'errors.fields.agencyId' },
  trackingId: { required: 'errors.fields.trackingId' },
  token: { required: 'errors.fields.token' },
  'reporter.phone': { format: 'errors.fields.reporterPhone', invalid: 'errors.fields.reporterPhone' },
  'serviceAnswers.appliedOn': { any: 'errors.fields.appliedOn' },
  'serviceAnswers.completedOn': { any: 'errors.fields.completedOn' },
  'serviceAnswers.charged': { any: 'errors.fields.charged' },
  code: { any: 'errors.fields.code' },
  email: { required: 'errors.fields.reporterEmailRequired', format: 'errors.fields.reporterEmailFormat', invalid: 'errors.fields.reporterEmailFormat' },
  username: { format: 'errors.fields.username', invalid: 'errors.fields.username' },
  effectiveFrom: { format: 'errors.fields.date' },
  language: { any: 'errors.fields.language' },
};

const PROBLEM_STATUSES = [400, 401, 403, 404, 409, 413, 422, 429] as const;
const problemTitle = (status: number): MessageKey =>
  (PROBLEM_STATUSES as readonly number[]).includes(status) ? `problem.${status as (typeof PROBLEM_STATUSES)[number]}` : 'problem.other';

export function plainFieldMessage(e: FieldError): string {
  const said = SAY[e.field];
  const own = (e.rule && said?.[e.rule]) ?? said?.any;
  if (own) return t(own);
  if (e.rule === 'required') return t('errors.required');
  if (e.rule === 'too_short' && e.limit) return t('errors.tooShort', { limit: e.limit });
  if (e.rule === 'too_long' && e.limit) return t('errors.tooLong', { limit: e.limit });
  // The API's own words (Indonesian) are meant for the person; in another language, a field this
  // portal knows says it in that language.
  if (LANGUAGE !== 'id' && e.field === 'trackingId') return t('errors.fields.trackingIdTypo');
  const m = e.message.trim();
  return `${m.charAt(0).toUpperCase()}${m.slice(1)}${/[.!?]$/.test(m) ? '' : '.'}`;
}

/** An answer other than 2xx, as RFC 9457 problem+json describes it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** The language the detail is written in, when it is the API's own sentence (Indonesian). */
    readonly detailLanguage?: string,
  ) {
    super(detail || title);
  }
  /** What to tell the person about one field (dotted path, e.g. `location.regionCode`), if the API named it. */
  forField(field: string): string | undefined {
    const e = this.errors.find((x) => x.field === field);
    return e && plainFieldMessage(e);
  }
}

/** Called when a staff token is refused: the session ends and the sign-in page opens. */
let onStaffUnauthorized: (() => void) | undefined;
export const whenStaffUnauthorized = (fn: () => void) => {
  onStaffUnauthorized = fn;
};

export interface CallOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** A complaint access token or a staff ID token. */
  token?: string | undefined;
  idempotencyKey?: string;
  /** Whether the token is a staff token (a 401 then ends the staff session). */
  staff?: boolean;
  /** Skip the browser's cache (a page that just changed what it reads). */
  fresh?: boolean;
}

export async function call<T>(path: string, opts: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      credentials: 'omit',
      ...(opts.fresh ? { cache: 'no-store' as const } : {}),
    });
  } catch {
    throw new ApiError(0, t('network.title'), t('network.detail'));
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (res.ok) return json as T;
  const p = (json ?? {}) as { title?: string; detail?: string; errors?: FieldError[]; text?: { key: string; params?: Record<string, string | number> } };
  if (res.status === 401 && opts.staff) onStaffUnauthorized?.();
  // The API writes its problems in Indonesian, most with the detail's key too: a reader of another
  // language gets a heading in theirs and the detail said in it, or, for a detail without a key this
  // portal knows, marked as Indonesian (so a screen reader pronounces it as such).
  const title = LANGUAGE === 'id' ? (p.title ?? t('errors.status', { status: res.status })) : t(problemTitle(res.status));
  const said = problemSentence(p.text);
  const errors = Array.isArray(p.errors) ? p.errors : [];
  if (said) throw new ApiError(res.status, title, said, errors);
  throw new ApiError(res.status, title, p.detail ?? t('network.failed'), errors, p.detail ? 'id' : undefined);
}

export const newIdempotencyKey = () => crypto.randomUUID();
