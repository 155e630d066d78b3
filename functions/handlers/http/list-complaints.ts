import { input } from '../../contract/inputs/list-complaints';
import type { ComplaintStatus } from '../../core/complaint';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { hmacKeys } from '../../shared/secrets';
import { listPublicComplaints } from '../../use-cases/list-public-complaints';

const deps = portsFor(NEEDS.ListComplaints, { keys: await hmacKeys() });

export const handler = httpRoute(input, async ({ query }) => {
  const page = await listPublicComplaints(deps, { ...query, status: query.status as ComplaintStatus | undefined });
  // The same for everyone: a shared cache (CloudFront) may keep it briefly.
  return json(200, page, { 'cache-control': 'public, max-age=30' });
});
