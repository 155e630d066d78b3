import { input } from '../../contract/inputs/open311-create-request';
import { notFound, validationError } from '../../core/errors';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { httpRoute } from '../../shared/http';
import { kmsIdentities } from '../../shared/kms';
import { documentOf, open311Failure, open311Response } from '../../shared/open311-http';
import { hmacKeys } from '../../shared/secrets';
import { open311Submit } from '../../use-cases/open311';

const deps = portsFor(NEEDS.Open311CreateRequest, {
  identities: kmsIdentities,
  keys: await hmacKeys(),
});

const KNOWN = new Set(Object.keys(input.body.def.shape));
const ATTRIBUTE = /^attribute\[(applied_on|completed_on|charged|extra_requirements)\]$/;

/** POST /open311/v2/requests.{xml,json}: a complaint from a client application. */
export const handler = httpRoute(
  input,
  async ({ path, query, body }) => {
    const doc = documentOf(path.document);
    if (doc.name !== 'requests') throw notFound(`Tidak ada dokumen ${path.document}.`);
    // Unknown fields are refused, not ignored; attributes are those of the service definitions.
    const extra = Object.keys(body).filter((k) => !KNOWN.has(k) && !ATTRIBUTE.test(k));
    if (extra.length) throw validationError(extra.map((k) => ({ field: k, message: 'parameter tidak dikenal' })));
    const attributes = Object.fromEntries(
      Object.entries(body).flatMap(([k, v]) => {
        const m = ATTRIBUTE.exec(k);
        return m ? [[m[1] as string, String(v)]] : [];
      }),
    );
    const created = await open311Submit(deps, { ...body, jurisdiction_id: query.jurisdiction_id ?? body.jurisdiction_id, attributes });
    return open311Response(201, doc.format, 'service_requests', 'request', created);
  },
  { failureAs: open311Failure },
);
