import { input } from '../../contract/inputs/open311-service-definition';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { httpRoute } from '../../shared/http';
import { documentOf, open311Document, open311Failure } from '../../shared/open311-http';
import { open311ServiceDefinition } from '../../use-cases/open311';

const deps = portsFor(NEEDS.Open311ServiceDefinition, {});

/** GET /open311/v2/services/{service_code}.{xml,json}: the attributes a SIPP service asks for. */
export const handler = httpRoute(
  input,
  async ({ path, query }) => {
    const doc = documentOf(path.document);
    const def = await open311ServiceDefinition(deps, doc.name, query.locale);
    return open311Document(doc.format, 'service_definition', doc.format === 'json' ? def : { ...def, attributes: { attribute: def.attributes } });
  },
  { failureAs: open311Failure },
);
