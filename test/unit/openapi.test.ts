import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/contract/openapi';
import { inboxOutput } from '../../functions/contract/outputs/inbox';

type Operation = { responses: Record<string, { content?: Record<string, { schema: Record<string, any> }> }> };
const doc = openApiDocument('https://lapor.contoh.go.id/v1');
const answer = (path: string, method: string) => {
  const op = (doc.paths[path] as Record<string, Operation>)[method] as Operation;
  return op.responses['200']?.content?.['application/json']?.schema as Record<string, any>;
};

describe('responses declared once (issue 19)', () => {
  it('publishes a declared answer in OpenAPI, item by item, instead of `{type: object}`', () => {
    const inbox = answer('/v1/inbox', 'get');
    expect(inbox.required).toEqual(expect.arrayContaining(['queue', 'items', 'nextCursor']));
    expect(inbox.properties.items.items.required).toEqual(expect.arrayContaining(['trackingId', 'status', 'deadline', 'overdue', 'assignedAgency']));
    expect(inbox.properties.items.items.properties.status.enum).toEqual(['SUBMITTED', 'ON_HOLD', 'ASSIGNED', 'IN_PROGRESS', 'RESPONDED', 'CLOSED', 'ARCHIVED']);
    const feed = answer('/v1/complaints', 'get');
    expect(Object.keys(feed.properties.items.items.properties)).toEqual(expect.arrayContaining(['trackingId', 'category', 'region', 'statusLabel']));
    // A service's standard is published with its 14 components and the cost's two forms.
    const standard = answer('/v1/services/{serviceId}', 'get').properties.standard;
    expect(standard.required).toEqual(
      expect.arrayContaining(['requirements', 'procedure', 'completionTime', 'cost', 'complaintHandling', 'performanceEvaluation']),
    );
    expect(JSON.stringify(standard.properties.cost)).toContain('TARIFF');
    // The receipt: 201 with the token, shown once.
    const op = (doc.paths['/v1/complaints'] as Record<string, Operation>).post as Operation;
    expect(op.responses['201']?.content?.['application/json']?.schema.required).toEqual(expect.arrayContaining(['trackingId', 'accessToken', 'deadline']));
    // Nothing of a reporter is in the public feed's declared answer.
    expect(JSON.stringify(feed)).not.toMatch(/reporter|email|phone|identity/i);
  });

  it("declares every route's answer: no `{type: object}` left, and what creates answers 201", () => {
    const untyped = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops as Record<string, Operation>).flatMap(([method, op]) =>
        Object.entries(op.responses)
          .filter(([code]) => code.startsWith('2'))
          .filter(([, r]) => {
            const s = r.content?.['application/json']?.schema;
            return !s || (s.type === 'object' && !s.properties && !s.anyOf && !s.oneOf && !s.additionalProperties);
          })
          .map(([code]) => `${method.toUpperCase()} ${path} ${code}`),
      ),
    );
    expect(untyped).toEqual([]);
    const created = (path: string) => Object.keys(((doc.paths[path] as Record<string, Operation>).post as Operation).responses);
    expect(created('/v1/services')).toContain('201');
    expect(created('/v1/complaints/{trackingId}/support')).toEqual(expect.arrayContaining(['200', '201']));
    // A staff view is published with its audit-relevant parts; the public view has no reporter at all.
    const view = answer('/v1/complaints/{trackingId}', 'get');
    const variants = (view.oneOf ?? view.anyOf) as Record<string, any>[];
    const byView = Object.fromEntries(variants.map((v) => [v.properties.view.enum?.[0] ?? v.properties.view.const, v]));
    expect(Object.keys(byView).sort()).toEqual(['PUBLIC', 'REPORTER', 'STAFF']);
    expect(Object.keys(byView.PUBLIC.properties)).not.toContain('reporter');
    expect(byView.STAFF.required).toEqual(expect.arrayContaining(['reporter', 'allowedActions', 'misses']));
    // The declaration is what the handler's answer is checked against: a sample answer parses.
    const sample = {
      queue: { agency: { id: 'pemda-51.03', name: 'Pemerintah Kabupaten Badung' } },
      items: [],
      nextCursor: null,
    };
    expect(inboxOutput.safeParse(sample).success).toBe(true);
    expect(inboxOutput.safeParse({ ...sample, queue: 'agency' }).success).toBe(false);
  });
});
