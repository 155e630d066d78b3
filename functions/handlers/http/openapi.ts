import { openApiDocument } from '../../contract/openapi';
import { httpHandler, json } from '../../shared/http';

let document: ReturnType<typeof openApiDocument> | undefined;

/** GET /v1/openapi.json: the API description, generated from the schemas and the wiring. */
export const handler = httpHandler(async (event) => {
  const host = event.headers?.Host ?? event.headers?.host;
  const stage = event.requestContext?.stage;
  document ??= openApiDocument(host ? `https://${host}${stage && !host.startsWith('127.0.0.1') ? `/${stage}` : ''}` : '/');
  return json(200, document, { 'cache-control': 'public, max-age=3600' });
});
