/**
 * The viewer's real address, as CloudFront saw it, in a header no client can write: a CloudFront
 * Function on every API request overwrites it with `event.viewer.ip`. The regional WAF counts it
 * (not X-Forwarded-For, whose first entries the client writes), and the functions read it
 * (functions/shared/http.ts clientAddressOf). Requests that bypass CloudFront are refused by the
 * origin secret before anything else (lib/constructs/complaint-api.ts).
 */
export const VIEWER_ADDRESS_HEADER = 'x-aduan-viewer-address';
/** The header CloudFront adds toward the API with the origin secret; the WAF blocks requests without it. */
export const ORIGIN_VERIFY_HEADER = 'x-aduan-origin-verify';

/** The function's code (cloudfront-js-2.0): small enough to read in one glance, and run as-is by the tests. */
export const VIEWER_ADDRESS_FUNCTION_CODE = `function handler(event) {
  var request = event.request;
  request.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip };
  return request;
}`;
