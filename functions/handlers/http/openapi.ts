import { input } from '../../contract/inputs/openapi';
import { openApiDocument } from '../../contract/openapi';
import { httpRoute, json } from '../../shared/http';

let document: ReturnType<typeof openApiDocument> | undefined;

/**
 * GET /v1/openapi.json: the API description, generated from the schemas and the wiring. The
 * server URL is relative (the stage's base path), never taken from the client's Host header:
 * the document is cached for every caller.
 */
export const handler = httpRoute(input, async (_input, event) => {
  const full = event.requestContext?.path ?? event.path;
  const base = full.endsWith(event.path) ? full.slice(0, full.length - event.path.length) : '';
  document ??= openApiDocument(base || '/');
  return json(200, document, { 'cache-control': 'public, max-age=3600' });
});
