import type { APIGatewayProxyEvent } from 'aws-lambda';
import { input } from '../../contract/inputs/open311-discovery';
import { notFound } from '../../core/errors';
import { httpRoute } from '../../shared/http';
import { documentOf, open311Document, open311Failure } from '../../shared/open311-http';
import { GEOREPORT_SPEC } from '../../use-cases/open311';

const CHANGESET = '2026-11-29T00:00:00+07:00';

/** The API's own address as the client reached it (behind CloudFront, the API stage's). */
function baseUrl(event: APIGatewayProxyEvent): string {
  const host = event.headers?.Host ?? event.headers?.host ?? event.requestContext.domainName ?? 'localhost';
  const proto =
    event.headers?.['X-Forwarded-Proto'] ??
    event.headers?.['x-forwarded-proto'] ??
    (host.startsWith('127.0.0.1') || host.startsWith('localhost') ? 'http' : 'https');
  const stagePrefix = event.requestContext.path?.endsWith(event.path) ? event.requestContext.path.slice(0, -event.path.length) : '';
  return `${proto}://${host}${stagePrefix}`;
}

/** GET /open311/discovery.{xml,json}: where the GeoReport v2 endpoint is and what it speaks. */
export const handler = httpRoute(
  input,
  async ({ path }, event) => {
    const doc = documentOf(path.document);
    if (doc.name !== 'discovery') throw notFound(`Tidak ada dokumen ${path.document}.`);
    const formats = ['text/xml', 'application/json'];
    const endpoint = { specification: GEOREPORT_SPEC, url: `${baseUrl(event)}/open311/v2`, changeset: CHANGESET, type: 'production' };
    // JSON lists are arrays; XML lists are repeated child elements.
    return open311Document(doc.format, 'discovery', {
      changeset: CHANGESET,
      contact: 'Operator Aduan: lihat README, bagian Open311',
      key_service: 'Kunci aplikasi (api_key) diterbitkan operator Aduan: POST /v1/open311-keys',
      endpoints: doc.format === 'json' ? [{ ...endpoint, formats }] : { endpoint: [{ ...endpoint, formats: { format: formats } }] },
    });
  },
  { failureAs: open311Failure },
);
