/**
 * The portal's security headers, in one place: the local gateway sends them with every portal
 * file, and the stack's CloudFront response-headers policy is built from the same values.
 *
 * The CSP allows nothing but this origin and the attachment bucket's: no inline script or style,
 * no third-party requests (the API is on the same origin; the browser sends an attachment's bytes
 * straight to the bucket and shows its previews from there), no framing, no plugins.
 */
export function contentSecurityPolicy(attachmentOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${attachmentOrigin}`,
    `connect-src 'self' ${attachmentOrigin}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const HSTS_MAX_AGE_SECONDS = 63_072_000; // two years, as hstspreload.org asks

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=()';

/** Every security header of the portal, for a stage whose attachment bucket is at `attachmentOrigin`. */
export const portalHeaders = (attachmentOrigin: string): Record<string, string> => ({
  'content-security-policy': contentSecurityPolicy(attachmentOrigin),
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': PERMISSIONS_POLICY,
});
