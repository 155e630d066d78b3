import { GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProbeResult, probeMetrics } from '../../functions/use-cases/probe-health';
import { LOCAL_SES_ACCOUNT } from '../../local/emulators';
import { type LocalSystem, startLocalSystem } from '../../local/runtime';
import { type CapturedEmail, get, mailbox, post, submission } from '../support/fixtures';
import { freePort, waitFor } from '../support/network';

let system: LocalSystem;
let api: string;
let sqs: SQSClient;

const queue = (constructId: string) => system.resources.queues.find((q) => q.logicalId.replace(/[0-9A-F]{8}$/, '') === constructId) as { url: string };
const toBadung = (e: CapturedEmail) => e.destination.to.includes('pemda-51.03@instansi.example');
const depth = async (url: string) => {
  // local-aws-sqs counts in-flight messages in ApproximateNumberOfMessages too.
  const r = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
  return Number(r.Attributes?.ApproximateNumberOfMessages ?? 0);
};
const track = (id: string, token?: string) => get(`${api}/v1/complaints/${id}`, token ? { authorization: `Bearer ${token}` } : {});
const assigned = async (id: string, token: string) => {
  const r = await track(id, token);
  return r.body.status === 'ASSIGNED' ? r.body : undefined;
};

beforeAll(async () => {
  system = await startLocalSystem({
    port: await freePort(),
    dynamoPort: await freePort(),
    sqsPort: await freePort(),
    mailPort: await freePort(),
    cognitoPort: await freePort(),
    retryDelaySeconds: 0,
    schedules: false,
    log: (l) => process.env.DEBUG_LOCAL && console.error(l),
  });
  api = system.apiUrl;
  sqs = new SQSClient({ endpoint: system.sqsEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
});
afterAll(async () => system?.stop());

describe('the local system: handlers on the emulators, wired from the template', () => {
  it('is healthy once every part is ready', async () => {
    const r = await get(`${api}/v1/health`);
    expect(r.status).toBe(200);
    expect(r.body.checks).toEqual({ table: 'ok', routingQueue: 'ok', notificationQueue: 'ok' });
  });

  it('routes a complaint to Kabupaten Badung and emails the agency once, even when the routing message comes twice', async () => {
    const created = await post(`${api}/v1/complaints`, submission());
    expect(created.status).toBe(201);
    const { trackingId, accessToken } = created.body;
    const view = await waitFor(() => assigned(trackingId, accessToken), 15_000, 'assignment');
    expect(view.assignedAgency).toEqual({ id: 'pemda-51.03', name: 'Pemerintah Kabupaten Badung' });
    expect(view.deadline).toMatchObject({ stage: 'FOLLOW_UP', workingDays: 5, timeZone: 'Asia/Makassar' });
    const mails = await waitFor(async () => {
      const m = (await mailbox(system.mailUrl)).filter((e) => toBadung(e) && e.subject.includes(trackingId));
      return m.length ? m : undefined;
    });
    expect(mails[0]?.destination.to).toEqual(['pemda-51.03@instansi.example']);

    // A second delivery of the same routing message (SQS is at-least-once).
    await sqs.send(new SendMessageCommand({ QueueUrl: queue('RoutingQueue').url, MessageBody: JSON.stringify({ kind: 'ROUTE_COMPLAINT', trackingId }) }));
    await waitFor(async () => ((await depth(queue('RoutingQueue').url)) === 0 ? true : undefined), 10_000, 'routing queue drained');
    await new Promise((r) => setTimeout(r, 1500));
    const after = await track(trackingId, accessToken);
    expect(after.body.timeline.filter((e: { type: string }) => e.type === 'ASSIGNED')).toHaveLength(1);
    expect((await mailbox(system.mailUrl)).filter((e) => toBadung(e) && e.subject.includes(trackingId))).toHaveLength(1);
  });

  it('sends the same notification message twice as one email (idempotent worker)', async () => {
    const created = await post(`${api}/v1/complaints`, submission({ title: 'Sampah pasar Mengwi tidak diangkut' }));
    const { trackingId, accessToken } = created.body;
    await waitFor(() => assigned(trackingId, accessToken));
    await waitFor(async () => ((await mailbox(system.mailUrl)).some((e) => toBadung(e) && e.subject.includes(trackingId)) ? true : undefined));
    const body = JSON.stringify({
      kind: 'NOTIFY',
      template: 'AGENCY_ASSIGNED',
      trackingId,
      agencyId: 'pemda-51.03',
      notificationId: `${trackingId}:v2:AGENCY_ASSIGNED:pemda-51.03`,
    });
    await sqs.send(new SendMessageCommand({ QueueUrl: queue('NotificationQueue').url, MessageBody: body }));
    await waitFor(async () => ((await depth(queue('NotificationQueue').url)) === 0 ? true : undefined), 10_000, 'notification queue drained');
    expect((await mailbox(system.mailUrl)).filter((e) => toBadung(e) && e.subject.includes(trackingId))).toHaveLength(1);
  });

  it('returns the same complaint for a retried submission with the same Idempotency-Key', async () => {
    const key = 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    const first = await post(`${api}/v1/complaints`, submission({ title: 'Jalan rusak di Mengwi' }), { 'idempotency-key': key });
    const second = await post(`${api}/v1/complaints`, submission({ title: 'Jalan rusak di Mengwi' }), { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.trackingId).toBe(first.body.trackingId);
    // Both tokens open the complaint: only hashes are stored, so the replay mints a second one.
    expect((await track(first.body.trackingId, first.body.accessToken)).body.view).toBe('REPORTER');
    expect((await track(first.body.trackingId, second.body.accessToken)).body.view).toBe('REPORTER');
    const conflict = await post(`${api}/v1/complaints`, submission({ title: 'Laporan lain sama sekali' }), { 'idempotency-key': key });
    expect(conflict.status).toBe(422);
    expect(conflict.headers.get('content-type')).toContain('application/problem+json');
  });

  it('keeps a complaint with no competent agency waiting for manual routing, visibly', async () => {
    const created = await post(`${api}/v1/complaints`, submission({ categoryId: 'lainnya', title: 'Pertanyaan umum layanan' }));
    const { trackingId, accessToken } = created.body;
    const view = await waitFor(async () => {
      const r = await track(trackingId, accessToken);
      return r.body.routing.state === 'MANUAL_REQUIRED' ? r.body : undefined;
    });
    expect(view.status).toBe('SUBMITTED');
    expect(view.assignedAgency).toBeNull();
    expect(view.timeline.map((e: { type: string }) => e.type)).toContain('MANUAL_ROUTING_REQUIRED');
  });

  it('keeps an acknowledged complaint when the routing queue is down, and the outbox relay routes it later', async () => {
    await system.emulators.sqs.stop();
    const created = await post(`${api}/v1/complaints`, submission({ title: 'Sampah di Jalan Sunset Road' }));
    expect(created.status).toBe(201);
    const { trackingId, accessToken } = created.body;
    expect((await track(trackingId, accessToken)).body.status).toBe('SUBMITTED');
    // Bring SQS back (same port, same queues) and let the relay run after its grace period.
    const { startSqs } = await import('../../local/emulators');
    const { createLocalResources, localClients } = await import('../../local/resources');
    const { synthesizeTemplate } = await import('../../local/template');
    system.emulators.sqs = await startSqs({ port: Number(new URL(system.sqsEndpoint).port), region: 'ap-southeast-3' });
    const clients = localClients({ dynamodb: system.dynamoEndpoint, sqs: system.sqsEndpoint }, 'ap-southeast-3');
    await createLocalResources(synthesizeTemplate(), clients, 'aduan-local');
    await new Promise((r) => setTimeout(r, 31_000));
    const relayed = (await system.scheduler.run('relay-outbox')) as { relayed: number };
    expect(relayed.relayed).toBeGreaterThanOrEqual(1);
    const view = await waitFor(() => assigned(trackingId, accessToken), 15_000, 'assignment after relay');
    expect(view.assignedAgency.id).toBe('pemda-51.03');
  }, 120_000);

  it('probes the stage from outside every 5 minutes: the health route through the gateway, and the SES account (issue 20)', async () => {
    const run = async () => (await post(`${api}/_local/schedules/probe-health/run`, {})).body.result as ProbeResult;
    const healthy = await run();
    expect(healthy.health).toMatchObject({ ok: true, status: 200 });
    // What the SES emulator's GetAccount answered (local/emulators.ts), read through the SES v2 API.
    expect(healthy.ses).toEqual({ productionAccess: true, sendingEnabled: true, max24HourSend: 50_000, sentLast24Hours: 0 });
    expect(probeMetrics(healthy)).toEqual({
      HealthProbeFailed: 0,
      HealthProbeLatencyMs: expect.any(Number),
      SesAccountUnreadable: 0,
      SesSandbox: 0,
      SesSendingPaused: 0,
      SesQuotaUsedPercent: 0,
    });
    const before = process.env.AWS_SES_ACCOUNT;
    process.env.AWS_SES_ACCOUNT = JSON.stringify({
      ...LOCAL_SES_ACCOUNT,
      ProductionAccessEnabled: false,
      SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 190 },
    });
    try {
      expect(probeMetrics(await run())).toMatchObject({ HealthProbeFailed: 0, SesSandbox: 1, SesQuotaUsedPercent: 95 });
    } finally {
      process.env.AWS_SES_ACCOUNT = before;
    }
  }, 60_000);

  it('retries a failed email through the queue and parks it in the DLQ after 5 receives', async () => {
    await system.emulators.ses.stop();
    const created = await post(`${api}/v1/complaints`, submission({ title: 'Sampah menumpuk di Canggu' }));
    const { trackingId, accessToken } = created.body;
    await waitFor(() => assigned(trackingId, accessToken));
    const dlq = queue('NotificationQueueDlq').url;
    await waitFor(async () => ((await depth(dlq)) >= 1 ? true : undefined), 30_000, 'message in the notification DLQ');
    await waitFor(async () => ((await depth(queue('NotificationQueue').url)) === 0 ? true : undefined), 10_000, 'notification queue empty');
  }, 60_000);
});
