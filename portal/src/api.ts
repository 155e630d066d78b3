/** The portal's one way to call the API (same origin): JSON in, JSON or problem+json out. */

export interface FieldError {
  field: string;
  message: string;
}

/** An answer other than 2xx, as RFC 9457 problem+json describes it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail || title);
  }
  /** The message for one field (dotted path, e.g. `location.regionCode`), if the API named it. */
  forField(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
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
    throw new ApiError(0, 'Tidak tersambung', 'Periksa sambungan internet Anda, lalu coba lagi.');
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (res.ok) return json as T;
  const p = (json ?? {}) as { title?: string; detail?: string; errors?: FieldError[] };
  if (res.status === 401 && opts.staff) onStaffUnauthorized?.();
  throw new ApiError(res.status, p.title ?? `Galat ${res.status}`, p.detail ?? 'Terjadi kesalahan. Coba lagi.', Array.isArray(p.errors) ? p.errors : []);
}

export const newIdempotencyKey = () => crypto.randomUUID();
