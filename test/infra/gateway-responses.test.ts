import { describe, expect, it } from 'vitest';
import { GATEWAY_RESPONSES, gatewayResponseTemplate } from '../../lib/constructs/complaint-api';

/**
 * API Gateway renders these templates by plain substitution. `$context.error.messageString` is
 * the message already in JSON quotes; render each template with hostile messages and parse it.
 */
const render = (template: string, message: string) => template.replaceAll('$context.error.messageString', JSON.stringify(message));

describe("API Gateway's own error responses are valid problem+json", () => {
  for (const r of GATEWAY_RESPONSES) {
    it(`${r.id} (${r.type.responseType})`, () => {
      for (const message of ['Unauthorized', 'Invalid request body: it\'s "wrong"', 'line\nbreak \\ backslash', 'Missing Authentication Token']) {
        const body = JSON.parse(render(gatewayResponseTemplate(r), message)) as Record<string, unknown>;
        expect(body).toMatchObject({ type: 'about:blank', title: r.title });
        expect(typeof body.detail).toBe('string');
        // A fixed status must be the response's own; the defaults state none rather than a wrong one.
        expect(body.status).toBe(r.status);
      }
    });
  }

  it('covers throttling, unknown routes and integration failures with their own statuses', () => {
    const byType = Object.fromEntries(GATEWAY_RESPONSES.map((r) => [r.type.responseType, r.status]));
    expect(byType).toMatchObject({ THROTTLED: 429, MISSING_AUTHENTICATION_TOKEN: 404, INTEGRATION_TIMEOUT: 504, BAD_REQUEST_BODY: 400 });
  });
});
