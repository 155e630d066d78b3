/**
 * GeoReport v2 on the wire: the format comes from the document's extension (`services.xml`,
 * `requests.json`); XML (required by the specification) and JSON carry the same fields, UTF-8;
 * errors are the specification's `errors` list, in the same format as the document asked for.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { XMLBuilder } from 'fast-xml-parser';
import type { Failure } from './http';

export type Open311Format = 'xml' | 'json';

/** `requests.json` → `{ name: 'requests', format: 'json' }` (checked by the route's input first). */
export function documentOf(document: string): { name: string; format: Open311Format } {
  const dot = document.lastIndexOf('.');
  return { name: document.slice(0, dot), format: document.slice(dot + 1) === 'json' ? 'json' : 'xml' };
}

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false, processEntities: true });

/** One document: a root element holding `item` elements (XML), or the array itself (JSON). */
export function open311Response(status: number, format: Open311Format, root: string, item: string, items: unknown[]): APIGatewayProxyResult {
  const headers = { 'cache-control': 'no-store', 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' };
  if (format === 'json') return { statusCode: status, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(items) };
  const body = `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: { [item]: items } })}`;
  return { statusCode: status, headers: { ...headers, 'content-type': 'text/xml; charset=utf-8' }, body };
}

/** One object as its own document (the discovery document, a service definition). */
export function open311Document(format: Open311Format, root: string, doc: Record<string, unknown>): APIGatewayProxyResult {
  const headers = { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' };
  if (format === 'json') return { statusCode: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(doc) };
  return {
    statusCode: 200,
    headers: { ...headers, 'content-type': 'text/xml; charset=utf-8' },
    body: `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: doc })}`,
  };
}

/** Every failure as GeoReport errors: one `{ code, description }` per bad field, or one for the whole. */
export function open311Failure(f: Failure, event: APIGatewayProxyEvent): APIGatewayProxyResult {
  const document = event.pathParameters?.document ?? '';
  const format: Open311Format = document.endsWith('.json') ? 'json' : 'xml';
  const errors = f.errors.length
    ? f.errors.map((e) => ({ code: f.status, description: `${e.field}: ${e.message}` }))
    : [{ code: f.status, description: f.message }];
  return open311Response(f.status, format, 'errors', 'error', errors);
}
