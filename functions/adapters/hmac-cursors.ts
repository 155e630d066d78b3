import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CursorCodec } from '../core/ports';

const MAC_LENGTH = 43; // base64url of a SHA-256 HMAC

/**
 * Page cursors as opaque, tamper-evident tokens: base64url(JSON) followed by an HMAC over the
 * scope (which list, for whom) and the payload. A cursor edited, forged, or taken from another
 * list does not open: the caller gets a 400, the store never sees it.
 */
export function hmacCursors(key: string): CursorCodec {
  if (key.length < 32) throw new Error('the cursor signing key must be at least 32 characters');
  const mac = (scope: string, payload: string) => createHmac('sha256', key).update(scope).update('\0').update(payload).digest('base64url');
  return {
    seal(scope, value) {
      const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${payload}${mac(scope, payload)}`;
    },
    open(scope, token) {
      if (token.length <= MAC_LENGTH) return undefined;
      const payload = token.slice(0, -MAC_LENGTH);
      const given = Buffer.from(token.slice(-MAC_LENGTH));
      const expected = Buffer.from(mac(scope, payload));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
  };
}
