import { input } from '../../contract/inputs/open311-list';
import { notFound } from '../../core/errors';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { httpRoute } from '../../shared/http';
import { documentOf, open311Failure, open311Response } from '../../shared/open311-http';
import { open311Requests, open311Services } from '../../use-cases/open311';

const deps = portsFor(NEEDS.Open311List, {});

/** GET /open311/v2/services.{xml,json} and /open311/v2/requests.{xml,json}. */
export const handler = httpRoute(
  input,
  async ({ path, query }) => {
    const doc = documentOf(path.document);
    if (doc.name === 'services')
      return open311Response(200, doc.format, 'services', 'service', await open311Services(deps, query.jurisdiction_id, query.locale));
    if (doc.name === 'requests') return open311Response(200, doc.format, 'service_requests', 'request', await open311Requests(deps, query));
    throw notFound(`Tidak ada dokumen ${path.document}.`);
  },
  { failureAs: open311Failure },
);
