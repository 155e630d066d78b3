import { methodologyInput as input } from '../../contract/inputs/compliance';
import type { MethodologyOutput } from '../../contract/outputs/compliance';
import { METHODOLOGIES, methodologyFor } from '../../core/compliance';
import { httpRoute, json } from '../../shared/http';
import { methodologyView } from '../../use-cases/compliance';

/** GET /v1/compliance/methodology?month=: the methodology in force that month (the newest without one). */
export const handler = httpRoute(input, async ({ query }) => {
  const m = query.month ? methodologyFor(query.month) : METHODOLOGIES[METHODOLOGIES.length - 1];
  return json(200, methodologyView(m as NonNullable<typeof m>) satisfies MethodologyOutput, { 'cache-control': 'public, max-age=3600' });
});
