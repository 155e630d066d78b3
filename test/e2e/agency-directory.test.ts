/**
 * The agency directory is data (issue 13): an operator changes an agency's address through the
 * API and the next disposition mail goes there; the change is audited; a spreadsheet import is all
 * rows or none, naming each bad row; nobody but an operator may touch it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, mailbox, post } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';
import { waitFor } from '../support/network';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
const tokens: Record<string, string> = {};
const bearer = (t: string | undefined) => ({ authorization: `Bearer ${t}` });

beforeAll(async () => {
  sys = await startLocalProcess();
  for (const u of ['operator', 'verifikator']) tokens[u] = await sys.token(u);
});
afterAll(async () => sys?.stop());

const mailTo = (to: string, subject: string) =>
  waitFor(async () => (await mailbox(sys.mail)).find((e) => e.destination.to.includes(to) && e.subject.includes(subject)), 20_000);

describe('the agency directory', () => {
  it('an operator changes an agency’s address and the next disposition mail goes there; the change is audited', async () => {
    const before = await get(`${sys.api}/v1/agencies/pemda-51.03/contact`, bearer(tokens.operator));
    expect(before.body).toMatchObject({
      agencyId: 'pemda-51.03',
      email: 'pemda-51.03@instansi.example',
      emailIsDefault: true,
      language: 'id',
      active: true,
      version: 0,
    });

    const changed = await post(
      `${sys.api}/v1/agencies/pemda-51.03/contact`,
      { email: 'pengaduan@badungkab.example', language: 'en', liaisons: [{ name: 'I Made Penghubung', phone: '+62 361 123456' }] },
      bearer(tokens.operator),
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ email: 'pengaduan@badungkab.example', emailIsDefault: false, language: 'en', version: 1 });

    // Waste collection is routed without verification here: straight to Badung, by mail.
    const created = await post(`${sys.api}/v1/complaints`, {
      type: 'COMPLAINT',
      title: 'Sampah tidak diangkut di Jimbaran',
      description: 'Sampah rumah tangga di Jalan Uluwatu tidak diangkut selama seminggu.',
      categoryId: 'kebersihan-sampah',
      location: { regionCode: '51.03' },
      anonymous: true,
      confidential: false,
    });
    expect(created.status).toBe(201);
    const mail = await mailTo('pengaduan@badungkab.example', created.body.trackingId);
    expect(mail?.destination.to).toEqual(['pengaduan@badungkab.example']);
    // The desk reads English (issue 23): the whole mail is in it.
    expect(mail?.subject).toBe(`[Aduan ${created.body.trackingId}] New report assigned: Sampah tidak diangkut di Jimbaran`);
    expect(mail?.body.text).toMatch(/^Dear Pemerintah Kabupaten Badung,\n\nA citizen's report has been assigned to your agency\./);
    expect(mail?.body.html).toContain('<html lang="en">');

    const after = await get(`${sys.api}/v1/agencies/pemda-51.03/contact`, bearer(tokens.operator));
    expect(after.body.history[0]).toMatchObject({
      by: 'operator',
      via: 'API',
      after: { email: 'pengaduan@badungkab.example', liaisons: [{ name: 'I Made Penghubung' }] },
    });
    expect(after.body.history[0].before).toBeUndefined();
  }, 60_000);

  it('imports the directory spreadsheet all or none, naming each bad row; only operators may', async () => {
    const bad = await post(
      `${sys.api}/v1/agencies/contacts/imports`,
      { csv: 'agencyId,email,active,liaisons\npemda-51.71,pengaduan@denpasarkota.example,ya,\ntidak-ada,x@y.example,ya,\npemda-51,bukan-email,mungkin,\n' },
      bearer(tokens.operator),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['rows.2.agencyId', 'rows.3.active']);
    // Nothing of the good row was saved.
    expect((await get(`${sys.api}/v1/agencies/pemda-51.71/contact`, bearer(tokens.operator))).body.version).toBe(0);

    const good = await post(
      `${sys.api}/v1/agencies/contacts/imports`,
      {
        csv: 'agencyId,email,active,liaisons\npemda-51.71,pengaduan@denpasarkota.example,ya,Ni Kadek Liaison <kadek@denpasarkota.example>\npemda-51.08,,tidak,\n',
      },
      bearer(tokens.operator),
    );
    expect(good.status).toBe(201);
    expect(good.body.imported).toEqual(['pemda-51.71', 'pemda-51.08']);
    const denpasar = (await get(`${sys.api}/v1/agencies/pemda-51.71/contact`, bearer(tokens.operator))).body;
    expect(denpasar).toMatchObject({ email: 'pengaduan@denpasarkota.example', liaisons: [{ name: 'Ni Kadek Liaison', email: 'kadek@denpasarkota.example' }] });
    expect(denpasar.history[0].via).toBe('IMPORT');
    expect((await get(`${sys.api}/v1/agencies/pemda-51.08/contact`, bearer(tokens.operator))).body.active).toBe(false);

    // Karangasem is inactive now: its complaints go to the province, and so does the mail.
    const created = await post(`${sys.api}/v1/complaints`, {
      type: 'COMPLAINT',
      title: 'Sampah menumpuk di Amlapura',
      description: 'Sampah pasar Amlapura tidak diangkut selama seminggu dan mulai berbau.',
      categoryId: 'kebersihan-sampah',
      location: { regionCode: '51.08' },
      anonymous: true,
      confidential: false,
    });
    expect(await mailTo('pemda-51@instansi.example', created.body.trackingId)).toBeDefined();
    const view = (await get(`${sys.api}/v1/complaints/${created.body.trackingId}`, bearer(created.body.accessToken))).body;
    expect(view.assignedAgency.id).toBe('pemda-51');
    // A verifier cannot dispose to it either: the answer names who acts for it.
    const held = await post(`${sys.api}/v1/complaints`, {
      type: 'COMPLAINT',
      title: 'Jalan berlubang di Amlapura',
      description: 'Lubang besar di jalan utama Amlapura membahayakan pengendara motor setiap malam.',
      categoryId: 'jalan-kabupaten-kota',
      location: { regionCode: '51.08' },
      anonymous: true,
      confidential: false,
    });
    const refused = await post(
      `${sys.api}/v1/complaints/${held.body.trackingId}/actions`,
      { action: 'VERIFY', agencyId: 'pemda-51.08' },
      bearer(tokens.verifikator),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'agencyId', message: expect.stringContaining('pemda-51') });

    expect((await post(`${sys.api}/v1/agencies/pemda-51.03/contact`, { active: false }, bearer(tokens.verifikator))).status).toBe(403);
    expect((await get(`${sys.api}/v1/agencies/pemda-51.03/contact`)).status).toBe(401);
  }, 60_000);
});
