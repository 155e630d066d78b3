import { input } from '../../contract/inputs/open311-get-request';
import { notFound } from '../../core/errors';
import { parseTrackingId } from '../../core/tracking-id';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { httpRoute } from '../../shared/http';
import { documentOf, open311Failure, open311Response } from '../../shared/open311-http';
import { open311Request } from '../../use-cases/open311';

const deps = portsFor(NEEDS.Open311GetRequest, {});

/** GET /open311/v2/requests/{service_request_id}.{xml,json}: one request, as the public sees it. */
export const handler = httpRoute(
  input,
  async ({ path, query }) => {
    const doc = documentOf(path.document);
    const id = parseTrackingId(doc.name);
    if (!id.ok) throw notFound(`Permintaan ${doc.name} tidak ditemukan.`);
    return open311Response(200, doc.format, 'service_requests', 'request', await open311Request(deps, id.trackingId, query.locale));
  },
  { failureAs: open311Failure },
);
