/**
 * As a user sees it: the local system started as its own process (what `npm start` runs),
 * used over HTTP only, then stopped with SIGTERM.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, mailbox, post, submission } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';
import { freePort, waitFor } from '../support/network';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
let api: string;
let mail: string;

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

beforeAll(async () => {
  sys = await startLocalProcess();
  api = sys.api;
  mail = sys.mail;
});

afterAll(async () => sys?.stop());

const track = (id: string, token?: string) => get(`${api}/v1/complaints/${id}`, token ? { authorization: `Bearer ${token}` } : {});

describe('a citizen, an agency inbox and an operator, over HTTP', () => {
  it('prints where everything is', () => {
    expect(sys.output()).toContain(`${api}/v1`);
    expect(sys.output()).toContain(`${mail}/store`);
  });

  it('lists categories and agencies publicly, filtered by region and level', async () => {
    const cats = await get(`${api}/v1/categories`);
    expect(cats.status).toBe(200);
    expect(cats.body.items.map((c: { id: string }) => c.id)).toContain('kebersihan-sampah');
    const bali = await get(`${api}/v1/agencies?regionCode=51&level=REGENCY&limit=20`);
    expect(bali.status).toBe(200);
    expect(bali.body.total).toBe(9);
    expect(bali.body.items).toContainEqual(expect.objectContaining({ id: 'pemda-51.03', name: 'Pemerintah Kabupaten Badung', parentId: 'pemda-51' }));
    const doc = await get(`${api}/v1/openapi.json`);
    expect(doc.body.openapi).toBe('3.0.3');
    expect(doc.body.paths['/v1/complaints'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['type', 'title', 'anonymous', 'confidential']),
    );
    const bad = await get(`${api}/v1/agencies?level=KINGDOM&regionCode=99`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['level', 'regionCode']);
  });

  it('delivers an anonymous complaint to the Badung inbox without the reporter’s name, and tracks it', async () => {
    const created = await post(`${api}/v1/complaints`, submission({ anonymous: true, title: 'Pungutan liar di kantor desa' }));
    expect(created.status).toBe(201);
    expect(created.body.trackingId).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(created.body.accessToken.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect(created.body).toMatchObject({ status: 'SUBMITTED', deadline: { stage: 'DISPOSITION', workingDays: 3 } });
    const { trackingId, accessToken } = created.body;

    const view = await waitFor(async () => {
      const r = await track(trackingId, accessToken);
      return r.body.status === 'ASSIGNED' ? r.body : undefined;
    }, 15_000);
    expect(view.assignedAgency).toEqual({ id: 'pemda-51.03', name: 'Pemerintah Kabupaten Badung' });
    expect(view.reporter).toMatchObject({ name: 'Ni Luh Putu Ayu' }); // the reporter sees their own identity
    expect(view.timeline.map((e: { type: string }) => e.type)).toEqual(['SUBMITTED', 'ASSIGNED']);

    const email = await waitFor(
      async () => (await mailbox(mail)).find((e) => e.subject.includes(trackingId) && e.destination.to.includes('pemda-51.03@instansi.example')),
      15_000,
      'agency email',
    );
    expect(email.destination.to).toEqual(['pemda-51.03@instansi.example']);
    expect(email.body.text).toContain('Pungutan liar di kantor desa');
    for (const secret of ['Ni Luh Putu Ayu', 'putu.ayu@example.com', '081234567890']) {
      expect(email.body.text).not.toContain(secret);
      expect(email.body.html).not.toContain(secret);
    }

    const publicView = await track(trackingId);
    expect(publicView.status).toBe(200);
    expect(publicView.body.view).toBe('PUBLIC');
    expect(JSON.stringify(publicView.body)).not.toContain('Ni Luh Putu Ayu');
    expect(publicView.body.reporter).toBeUndefined();
  });

  it('hides a confidential complaint from everyone without its token', async () => {
    const created = await post(`${api}/v1/complaints`, submission({ confidential: true, title: 'Dugaan suap perizinan' }));
    const { trackingId, accessToken } = created.body;
    const anonymousRead = await track(trackingId);
    expect(anonymousRead.status).toBe(404);
    expect(anonymousRead.headers.get('content-type')).toContain('application/problem+json');
    expect((await track(trackingId, 'wrong-token')).status).toBe(404);
    expect((await track(trackingId, accessToken)).status).toBe(200);
  });

  it('answers client mistakes with problem+json naming each bad field, never a 500', async () => {
    const invalid = await post(`${api}/v1/complaints`, { type: 'RANT', title: '', categoryId: 'nope', location: { regionCode: '99' }, anonymous: 'no' });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['type', 'title', 'description', 'categoryId', 'location.regionCode', 'anonymous', 'confidential']),
    );

    const notJson = await fetch(`${api}/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title": ' });
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get('content-type')).toContain('application/problem+json');

    const form = await fetch(`${api}/v1/complaints`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(form.status).toBe(415);

    const huge = await post(`${api}/v1/complaints`, submission({ description: 'x'.repeat(100_000) }));
    expect(huge.status).toBe(413);

    const badKey = await post(`${api}/v1/complaints`, submission(), { 'idempotency-key': 'short' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors).toContainEqual(expect.objectContaining({ field: 'Idempotency-Key' }));

    const typo = await track('ABCDE-FGHJK');
    expect(typo.status).toBe(400);
    expect(typo.body.errors).toContainEqual(expect.objectContaining({ field: 'trackingId' }));

    expect((await get(`${api}/v1/nothing-here`)).status).toBe(404);
  });

  it('stops everything it started on SIGTERM, Java included', async () => {
    expect(await portOpen(sys.ports.dynamo)).toBe(true);
    const exited = new Promise<number | null>((resolve) => sys.child.once('exit', (code) => resolve(code)));
    sys.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await waitFor(async () => ((await portOpen(sys.ports.dynamo)) ? undefined : true), 10_000, 'DynamoDB Local port closed');
  });

  it('`npm start` itself stops everything it started when npm gets SIGTERM (issue 20)', async () => {
    // Test files start systems side by side: a port found free can be taken by another before
    // this one binds it, so a start that fails that way is tried again on new ports.
    const start = async () => {
      const ports = { PORT: 0, DYNAMODB_PORT: 0, SQS_PORT: 0, MAIL_PORT: 0, COGNITO_PORT: 0, S3_PORT: 0 };
      for (const k of Object.keys(ports) as (keyof typeof ports)[]) ports[k] = await freePort();
      const env = { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])), POWERTOOLS_LOG_LEVEL: 'WARN' };
      const npm = spawn('npm', ['start', '--', '--in-memory'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const run = { npm, ports, output: '' };
      npm.stdout?.on('data', (d) => (run.output += String(d)));
      npm.stderr?.on('data', (d) => (run.output += String(d)));
      const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
      const healthy = async () => ((await fetch(`http://127.0.0.1:${ports.PORT}/v1/health`).catch(() => undefined))?.status === 200 ? true : undefined);
      return { ...run, exited, healthy, output: () => run.output };
    };
    let run = await start();
    for (let attempt = 1; ; attempt++) {
      try {
        // Healthy, or out at once when npm start gave up (a taken port, a failed start). Neither
        // promise is left to reject unheard.
        const ready = waitFor(run.healthy, 140_000, 'npm start healthy').then(() => 'healthy' as const);
        ready.catch(() => undefined);
        const outcome = await Promise.race([ready, run.exited.then((code) => ({ exited: code }))]);
        if (outcome !== 'healthy') throw new Error(`npm start exited (${outcome.exited}) before it was healthy:\n${run.output()}`);
        break;
      } catch (error) {
        run.npm.kill('SIGKILL');
        if (attempt >= 3 || !run.output().includes('[local] could not start')) throw new Error(`${String(error)}\nnpm start said:\n${run.output()}`);
        run = await start();
      }
    }
    const { npm, ports, exited } = run;
    try {
      // One line about the SDK and Node 20, not one per thread.
      expect(run.output().match(/will require node/g) ?? []).toHaveLength(0);
      npm.kill('SIGTERM');
      await exited;
      for (const port of Object.values(ports))
        await waitFor(async () => ((await portOpen(port)) ? undefined : true), 15_000, `port ${port} closed after SIGTERM to npm`);
      expect(run.output()).toContain('[local] stopped');
    } finally {
      npm.kill('SIGKILL');
    }
  }, 300_000);
});
