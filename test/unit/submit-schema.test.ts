import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../../functions/contract/problem';
import { submitComplaintSchema } from '../../functions/contract/submit-complaint';

const validSubmission = {
  type: 'COMPLAINT',
  title: 'Sampah menumpuk di pasar',
  description: 'Sampah di depan Pasar Kuta tidak diangkut selama dua minggu dan berbau.',
  categoryId: 'kebersihan-sampah',
  location: { regionCode: '51.03', address: 'Jl. Raya Kuta', latitude: -8.72, longitude: 115.17 },
  incidentDate: '2026-11-20',
  anonymous: false,
  confidential: false,
  reporter: { name: 'Ni Luh Putu', email: 'putu@example.com', phone: '081234567890' },
};

const errorsOf = (body: unknown) => {
  const r = submitComplaintSchema.safeParse(body);
  return r.success ? [] : fieldErrorsOf(r.error);
};

describe('submission schema', () => {
  it('accepts a complete submission and trims text', () => {
    const r = submitComplaintSchema.parse({ ...validSubmission, title: '  Sampah menumpuk di pasar  ' });
    expect(r.title).toBe('Sampah menumpuk di pasar');
  });

  it('names every bad field, unknown category and region included', () => {
    const fields = errorsOf({
      type: 'RANT',
      title: 'x',
      description: 'short',
      categoryId: 'no-such-category',
      location: { regionCode: '99.99', latitude: 40 },
      incidentDate: '28-11-2026',
      targetAgencyId: 'nobody',
      anonymous: 'yes',
      reporter: { email: 'not-an-email', phone: '12345' },
    }).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'type',
        'title',
        'description',
        'categoryId',
        'location.regionCode',
        'location.latitude',
        'incidentDate',
        'targetAgencyId',
        'anonymous',
        'confidential',
        'reporter.email',
        'reporter.phone',
      ]),
    );
  });

  it('rejects unknown fields, so a misspelled privacy flag is never silently dropped', () => {
    const { anonymous: _a, ...rest } = validSubmission;
    const errors = errorsOf({ ...rest, anonymus: true });
    expect(errors).toContainEqual(expect.objectContaining({ field: '(body)', message: expect.stringContaining('anonymus') }));
    expect(errors.map((e) => e.field)).toContain('anonymous');
  });

  it('says which kind of rule each empty field of a blank form broke, for a client that words its own message (issue 23)', () => {
    const errors = errorsOf({
      ...validSubmission,
      title: '',
      description: 'pendek',
      categoryId: '',
      location: { regionCode: '' },
      reporter: { name: '', email: 'x' },
    });
    // The first problem of each field is the one shown.
    const first = new Map<string, (typeof errors)[number]>();
    for (const e of errors) if (!first.has(e.field)) first.set(e.field, e);
    expect([...first.values()].map(({ field, rule, limit }) => ({ field, rule, ...(limit ? { limit } : {}) }))).toEqual([
      { field: 'title', rule: 'too_short', limit: 5 },
      { field: 'description', rule: 'too_short', limit: 20 },
      { field: 'categoryId', rule: 'required' },
      { field: 'location.regionCode', rule: 'required' },
      { field: 'reporter.name', rule: 'required' },
      { field: 'reporter.email', rule: 'format' },
    ]);
  });

  it('rejects a body that is not an object', () => {
    expect(errorsOf([1, 2])).toHaveLength(1);
    expect(errorsOf(null)[0]?.field).toBe('(body)');
  });
});
