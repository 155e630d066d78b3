/**
 * Open311 GeoReport v2 conformance, written from the specification
 * (http://wiki.open311.org/GeoReport_v2), not from our code: every method in both formats, the
 * XML parsed with a real XML parser, every error in the specification's format, dates with
 * offsets. Against `npm start`'s system, with the demo client key.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, post, submission } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
let apiKey = '';
beforeAll(async () => {
  sys = await startLocalProcess();
  apiKey = sys.open311Key();
});
afterAll(async () => sys?.stop());

const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'request', 'attribute', 'error', 'endpoint', 'format'].includes(name) });
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

/** One GET in a format: the status, the content type and the parsed document. */
async function fetch311(path: string, format: 'xml' | 'json', init?: RequestInit) {
  const res = await fetch(`${sys.api}${path.replace('{format}', format)}`, init);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', doc: format === 'json' ? JSON.parse(text) : xml.parse(text), text };
}
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
/** The specification's error list, in either format. */
const errorsOf = (r: Awaited<ReturnType<typeof fetch311>>, format: 'xml' | 'json') =>
  (format === 'json' ? r.doc : r.doc.errors.error) as { code: string | number; description: string }[];

describe.each(['xml', 'json'] as const)('GeoReport v2 in %s', (format) => {
  const list = (r: Awaited<ReturnType<typeof fetch311>>, root: string, item: string) =>
    (format === 'json' ? r.doc : (r.doc[root]?.[item] ?? [])) as Record<string, unknown>[];

  it('serves the discovery document with the endpoint, its specification and both formats', async () => {
    const r = await fetch311('/open311/discovery.{format}', format);
    expect(r.status).toBe(200);
    expect(r.type).toMatch(format === 'json' ? /application\/json; charset=utf-8/ : /text\/xml; charset=utf-8/);
    const d = format === 'json' ? r.doc : r.doc.discovery;
    const endpoints = format === 'json' ? d.endpoints : d.endpoints.endpoint;
    expect(d.changeset).toMatch(W3C_DATETIME);
    expect(endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${sys.api}/open311/v2`, type: 'production' });
    expect(format === 'json' ? endpoints[0].formats : endpoints[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists services with every field, and defines the attributes of a service with metadata', async () => {
    const r = await fetch311('/open311/v2/services.{format}?jurisdiction_id=51.03', format);
    expect(r.status).toBe(200);
    const services = list(r, 'services', 'service');
    for (const s of services) for (const f of SERVICE_FIELDS) expect(s, `${s.service_code}.${f}`).toHaveProperty(f);
    expect(services.map((s) => s.type).every((t) => ['realtime', 'batch', 'blackbox'].includes(String(t)))).toBe(true);
    const ktp = services.find((s) => s.service_code === 'layanan.badung-ktp-el');
    expect(String(ktp?.metadata)).toBe('true');
    expect(String(services.find((s) => s.service_code === 'kategori.jalan-kabupaten-kota')?.metadata)).toBe('false');

    const def = await fetch311('/open311/v2/services/layanan.badung-ktp-el.{format}', format);
    expect(def.status).toBe(200);
    const d = format === 'json' ? def.doc : def.doc.service_definition;
    expect(d.service_code).toBe('layanan.badung-ktp-el');
    const attributes = (format === 'json' ? d.attributes : d.attributes.attribute) as Record<string, unknown>[];
    expect(attributes.map((a) => a.code)).toEqual(['applied_on', 'completed_on', 'charged', 'extra_requirements']);
    for (const a of attributes) {
      for (const f of ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description']) expect(a).toHaveProperty(f);
      expect(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']).toContain(a.datatype);
    }
    // In English on request (`locale`, an extension): the system's texts and the names given in English (issue 23).
    const english = list(await fetch311('/open311/v2/services.{format}?jurisdiction_id=51.03&locale=en', format), 'services', 'service');
    expect(english.find((s) => s.service_code === 'kategori.jalan-kabupaten-kota')).toMatchObject({
      service_name: 'Regency/city roads and bridges',
      group: 'Complaint categories',
    });
    expect(english.find((s) => s.service_code === 'layanan.badung-ktp-el')?.service_name).toBe(
      'Issuing the electronic identity card (KTP-el: new, lost, damaged)',
    );
    const defEn = await fetch311('/open311/v2/services/layanan.badung-ktp-el.{format}?locale=en', format);
    const attributesEn = (format === 'json' ? defEn.doc.attributes : defEn.doc.service_definition.attributes.attribute) as Record<string, unknown>[];
    expect(attributesEn[0]?.description).toBe('The day you applied for the service (YYYY-MM-DD)');
    expect((await fetch311('/open311/v2/services.{format}?locale=fr', format)).status).toBe(400);
    const none = await fetch311('/open311/v2/services/kategori.jalan-kabupaten-kota.{format}', format);
    expect(none.status).toBe(404);
    expect(errorsOf(none, format)[0]).toMatchObject({ code: format === 'json' ? 404 : '404', description: expect.any(String) });
  });

  it('takes a request as a form with api_key (jurisdiction_id in the query), returns its id, and serves it with every field', async () => {
    const created = await fetch311(
      '/open311/v2/requests.{format}?jurisdiction_id=51.03',
      format,
      form({
        api_key: apiKey,
        service_code: 'kategori.jalan-kabupaten-kota',
        lat: '-8.5819',
        long: '115.1773',
        address_string: 'Jl. Raya Mengwi',
        description: `Jalan berlubang besar di depan pasar Mengwi (${format}), membahayakan pengendara.`,
      }),
    );
    expect(created.status).toBe(201);
    const [receipt] = list(created, 'service_requests', 'request');
    expect(receipt).toHaveProperty('service_notice');
    const id = String(receipt?.service_request_id);
    expect(id).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    const one = await fetch311(`/open311/v2/requests/${id}.{format}`, format);
    expect(one.status).toBe(200);
    const [req] = list(one, 'service_requests', 'request');
    for (const f of REQUEST_FIELDS) expect(req, f).toHaveProperty(f);
    expect(req).toMatchObject({ service_request_id: id, status: 'open', service_code: 'kategori.jalan-kabupaten-kota', address: 'Jl. Raya Mengwi' });
    for (const f of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(String(req?.[f]), f).toMatch(W3C_DATETIME);
    expect(String(req?.requested_datetime)).toMatch(/\+08:00$/); // Bali keeps WITA
    // Its status note is the newest public timeline entry, in the asked language.
    expect(req?.status_notes).toBe('Laporan diterima dan menunggu verifikasi.');
    const [reqEn] = list(await fetch311(`/open311/v2/requests/${id}.{format}?locale=en`, format), 'service_requests', 'request');
    expect(reqEn?.status_notes).toBe('The report was received and awaits verification.');

    // Without contact details the request is anonymous to everyone, staff included.
    const verifier = await sys.token('verifikator');
    const staffView = await get(`${sys.api}/v1/complaints/${id}`, { authorization: `Bearer ${verifier}` });
    expect(staffView.body).toMatchObject({ anonymous: true, reporter: { anonymous: true } });
  });

  it('answers a SIPP service’s attributes with its indicators, and lists requests by id, status and service', async () => {
    const created = await fetch311(
      '/open311/v2/requests.{format}?jurisdiction_id=51.03',
      format,
      form({
        api_key: apiKey,
        service_code: 'layanan.badung-ktp-el',
        description: 'KTP-el baru jadi setelah 14 hari kerja dan petugas meminta Rp50.000.',
        'attribute[applied_on]': '2026-11-02',
        'attribute[completed_on]': '2026-11-20',
        'attribute[charged]': '50000',
        email: 'warga.open311@example.com',
        first_name: 'Komang',
      }),
    );
    expect(created.status).toBe(201);
    const id = String(list(created, 'service_requests', 'request')[0]?.service_request_id);
    const verifier = await sys.token('verifikator');
    const view = await get(`${sys.api}/v1/complaints/${id}?identity=show`, { authorization: `Bearer ${verifier}` });
    expect(view.body.indicators.map((i: { kind: string }) => i.kind)).toEqual(['PROLONGED_DELAY', 'ILLEGAL_LEVY']);
    expect(view.body.reporter).toMatchObject({ name: 'Komang', email: 'warga.open311@example.com' });

    const byIds = await fetch311(`/open311/v2/requests.{format}?service_request_id=${id},ZZZZZ-ZZZZZ`, format);
    expect(byIds.status).toBe(200);
    const found = list(byIds, 'service_requests', 'request');
    expect(found.map((r) => r.service_request_id)).toEqual([id]);
    expect(found[0]).toMatchObject({ service_code: 'layanan.badung-ktp-el', agency_responsible: expect.any(String) });
    // The identity never travels in GeoReport documents.
    expect(byIds.text).not.toContain('Komang');
    expect(byIds.text).not.toContain('warga.open311@example.com');
    const closed = await fetch311('/open311/v2/requests.{format}?status=closed&service_code=layanan.badung-ktp-el', format);
    expect(list(closed, 'service_requests', 'request').every((r) => r.status === 'closed')).toBe(true);
  });

  it('never lists or serves a confidential complaint', async () => {
    const secret = await post(`${sys.api}/v1/complaints`, submission({ confidential: true, title: 'Laporan rahasia Open311' }));
    const id = secret.body.trackingId as string;
    const byId = await fetch311(`/open311/v2/requests.{format}?service_request_id=${id}`, format);
    expect(list(byId, 'service_requests', 'request')).toEqual([]);
    const one = await fetch311(`/open311/v2/requests/${id}.{format}`, format);
    expect(one.status).toBe(404);
    expect(errorsOf(one, format)).toHaveLength(1);
  });

  it('answers every mistake in the specification’s error format', async () => {
    const noKey = await fetch311(
      '/open311/v2/requests.{format}?jurisdiction_id=51.03',
      format,
      form({ service_code: 'kategori.listrik', description: 'Listrik padam sejak pagi di seluruh desa kami.' }),
    );
    expect(noKey.status).toBe(400);
    expect(errorsOf(noKey, format).map((e) => e.description)).toEqual([expect.stringContaining('api_key')]);
    const badKey = await fetch311(
      '/open311/v2/requests.{format}?jurisdiction_id=51.03',
      format,
      form({ api_key: 'x'.repeat(32), service_code: 'kategori.listrik', description: 'Listrik padam sejak pagi di seluruh desa kami.' }),
    );
    expect(badKey.status).toBe(403);
    const noJurisdiction = await fetch311(
      '/open311/v2/requests.{format}',
      format,
      form({ api_key: apiKey, service_code: 'kategori.listrik', description: 'Listrik padam sejak pagi di seluruh desa kami.' }),
    );
    expect(noJurisdiction.status).toBe(400);
    expect(errorsOf(noJurisdiction, format)[0]?.description).toContain('jurisdiction_id');
    const unknownService = await fetch311(
      '/open311/v2/requests.{format}?jurisdiction_id=51.03',
      format,
      form({ api_key: apiKey, service_code: 'kategori.tidak-ada', description: 'Listrik padam sejak pagi di seluruh desa kami.' }),
    );
    expect(unknownService.status).toBe(400);
    const badDate = await fetch311('/open311/v2/requests.{format}?start_date=kemarin', format);
    expect(badDate.status).toBe(400);
    expect(errorsOf(badDate, format)[0]?.description).toContain('start_date');
    const json = await fetch311('/open311/v2/requests.{format}?jurisdiction_id=51.03', format, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: apiKey }),
    });
    expect(json.status).toBe(415);
    expect(errorsOf(json, format)).toHaveLength(1);
    expect((await fetch311('/open311/v2/tidak-ada.{format}', format)).status).toBe(404);
  });

  it('judges a service’s attributes by the JSON route’s own declaration: never a 500, never a complaint from nonsense (issue 18)', async () => {
    const attempt = (attributes: Record<string, string>, serviceCode = 'layanan.badung-ktp-el') =>
      fetch311(
        '/open311/v2/requests.{format}?jurisdiction_id=51.03',
        format,
        form({ api_key: apiKey, service_code: serviceCode, description: 'KTP-el belum jadi setelah berminggu-minggu menunggu di dinas.', ...attributes }),
      );
    const controlLines = Array.from({ length: 300 }, (_, i) => `baris\u0007${i}\u001b[2J`).join('\n');
    const cases: [Record<string, string>, string][] = [
      [{ 'attribute[applied_on]': '2026-11-02', 'attribute[charged]': 'abc' }, 'attribute[charged]'],
      [{ 'attribute[applied_on]': '2026-11-02', 'attribute[charged]': '1e300' }, 'attribute[charged]'],
      [{ 'attribute[applied_on]': '2026-11-02', 'attribute[charged]': '-5' }, 'attribute[charged]'],
      [{ 'attribute[applied_on]': '-1000-01-01' }, 'attribute[applied_on]'],
      [{ 'attribute[applied_on]': '2026-11-02', 'attribute[extra_requirements]': controlLines }, 'attribute[extra_requirements]'],
      [{ 'attribute[charged]': '5000' }, 'attribute[applied_on]'],
    ];
    for (const [attributes, field] of cases) {
      const r = await attempt(attributes);
      expect(r.status, JSON.stringify(attributes).slice(0, 80)).toBe(400);
      expect(
        errorsOf(r, format)
          .map((e) => e.description)
          .join(' '),
      ).toContain(field);
    }
    // A category has no attributes to answer.
    const onCategory = await attempt({ 'attribute[charged]': '5000' }, 'kategori.listrik');
    expect(onCategory.status).toBe(400);
  });
});

describe('client keys (issue 18)', () => {
  it('an operator issues a key with its id and revokes it: from then on the key opens nothing', async () => {
    const operator = { authorization: `Bearer ${await sys.token('operator')}` };
    const issued = await post(`${sys.api}/v1/open311-keys`, { name: 'Aplikasi Kabupaten Uji' }, operator);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ apiKey: expect.any(String), keyId: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const request = () =>
      fetch(
        `${sys.api}/open311/v2/requests.json?jurisdiction_id=51.03`,
        form({ api_key: issued.body.apiKey, service_code: 'kategori.listrik', description: 'Listrik padam sejak pagi di seluruh desa kami.' }),
      );
    expect((await request()).status).toBe(201);
    // Only operators revoke.
    expect(
      (await post(`${sys.api}/v1/open311-keys/revocations`, { keyId: issued.body.keyId }, { authorization: `Bearer ${await sys.token('verifikator')}` }))
        .status,
    ).toBe(403);
    const revoked = await post(`${sys.api}/v1/open311-keys/revocations`, { keyId: issued.body.keyId }, operator);
    expect(revoked.status).toBe(200);
    expect((await request()).status).toBe(403);
    // Unknown keys are a 404; a body naming neither (or both) is a 400 naming the field.
    expect((await post(`${sys.api}/v1/open311-keys/revocations`, { keyId: '0'.repeat(64) }, operator)).status).toBe(404);
    expect((await post(`${sys.api}/v1/open311-keys/revocations`, {}, operator)).body.errors[0].field).toBe('keyId');
  });
});
