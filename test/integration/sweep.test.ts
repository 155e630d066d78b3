/**
 * The deadline sweep on DynamoDB Local and local-aws-sqs, driven directly with a fixed clock:
 * twice, concurrently, and after a crash between its writes and its queue sends — each
 * reminder, escalation and flag happens once, and each notification is queued once.
 */

import { KMSClient } from '@aws-sdk/client-kms';
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbAgencyDirectory } from '../../functions/adapters/dynamodb-agency-directory';
import { DynamoDbCalendarStore } from '../../functions/adapters/dynamodb-calendar-store';
import { DynamoDbChainHeads } from '../../functions/adapters/dynamodb-chain-heads';
import { DynamoDbClientKeys } from '../../functions/adapters/dynamodb-client-keys';
import { DynamoDbComplaintStore } from '../../functions/adapters/dynamodb-complaint-store';
import { DynamoDbDigestLedger } from '../../functions/adapters/dynamodb-digest-ledger';
import { DynamoDbServiceCatalogue } from '../../functions/adapters/dynamodb-service-catalogue';
import { hmacContactHasher } from '../../functions/adapters/hmac-contact-hasher';
import { hmacCursors } from '../../functions/adapters/hmac-cursors';
import { KmsIdentityCipher } from '../../functions/adapters/kms-identity-cipher';
import { SqsMessageQueue } from '../../functions/adapters/sqs-queue';
import { cryptoRandom } from '../../functions/adapters/system';
import { NATIONAL_POLICY, policyResolver } from '../../functions/core/clocks';
import { officialCalendar } from '../../functions/core/official-calendar';
import type { MessageQueue } from '../../functions/core/ports';
import type { Deps } from '../../functions/use-cases/deps';
import { relayOutbox } from '../../functions/use-cases/dispatch-outbox';
import { routeComplaint } from '../../functions/use-cases/route-complaint';
import { submitComplaint } from '../../functions/use-cases/submit-complaint';
import { sweepDeadlines, sweepSlice } from '../../functions/use-cases/sweep-deadlines';
import { type Running, startDynamoDb, startSqs } from '../../local/emulators';
import { startKms } from '../../local/kms';
import { createLocalResources, localClients } from '../../local/resources';
import { synthesizeTemplate } from '../../local/template';
import { submission } from '../support/fixtures';
import { freePort } from '../support/network';

let dynamo: Running;
let sqsServer: Running;
let kms: Running;
// Everything the sweeps read and write, on the emulators (staff accounts play no part).
let deps: Omit<Deps, 'staffAccounts' | 'staffRecords' | 'readiness'>;
let queueUrl: string;
let sweepQueueUrl: string;
let sqs: SQSClient;
let now = new Date('2026-04-06T01:00:00Z');

const crashedQueue: MessageQueue = { send: () => Promise.reject(new Error('process died before the queue call')) };
const depth = async () =>
  Number(
    (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }))).Attributes
      ?.ApproximateNumberOfMessages ?? 0,
  );

beforeAll(async () => {
  dynamo = await startDynamoDb({ port: await freePort() });
  sqsServer = await startSqs({ port: await freePort(), region: 'ap-southeast-3' });
  kms = await startKms({ port: 0 });
  const clients = localClients({ dynamodb: dynamo.endpoint, sqs: sqsServer.endpoint }, 'ap-southeast-3');
  sqs = clients.sqs;
  const template = synthesizeTemplate();
  const tablesOnly = { Resources: Object.fromEntries(Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::DynamoDB::Table')) };
  const res = await createLocalResources(tablesOnly, clients, `sweep-${Date.now()}`);
  const table = (res.tables.find((t) => t.logicalId.startsWith('DataComplaints')) as { name: string }).name;
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `notify-${Date.now()}` }))).QueueUrl as string;
  sweepQueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `sweep-${Date.now()}` }))).QueueUrl as string;
  const calendar = officialCalendar();
  deps = {
    illegalLevyToOmbudsman: false,
    services: new DynamoDbServiceCatalogue(clients.ddb, table),
    clientKeys: new DynamoDbClientKeys(clients.ddb, table),
    directory: new DynamoDbAgencyDirectory(clients.ddb, table),
    chainHeads: new DynamoDbChainHeads(clients.ddb, table),
    store: new DynamoDbComplaintStore(
      clients.ddb,
      table,
      new KmsIdentityCipher(
        new KMSClient({ endpoint: kms.endpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
        'sweep-test-key',
      ),
    ),
    calendarStore: new DynamoDbCalendarStore(clients.ddb, table),
    digests: new DynamoDbDigestLedger(clients.ddb, table),
    queue: new SqsMessageQueue(sqs, { routing: queueUrl, notification: queueUrl, sweep: sweepQueueUrl }),
    mailer: { send: () => Promise.reject(new Error('no mail in this test')) },
    clock: { now: () => now },
    random: cryptoRandom,
    calendar: { current: async () => calendar },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    cursors: hmacCursors('sweep-test-cursor-signing-key-0123456789'),
    contacts: hmacContactHasher('sweep-test-contact-lookup-key-0123456789'),
    policyFor: policyResolver(NATIONAL_POLICY),
    autoRoutedCategories: new Set(['kebersihan-sampah']),
    agencyEmailDomain: 'instansi.example',
    portalUrl: 'http://localhost',
  };
});
afterAll(async () => {
  await kms?.stop();
  await sqsServer?.stop();
  await dynamo?.stop();
});

describe('the deadline sweep (DynamoDB Local)', () => {
  it('escalates each overdue complaint once: twice in a row, concurrently, and after a crash', async () => {
    now = new Date('2026-04-06T01:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await submitComplaint(deps, submission({ title: `Sampah menumpuk nomor ${i}` }) as never);
      expect(await routeComplaint(deps, r.trackingId)).toBe('ASSIGNED');
      ids.push(r.trackingId);
    }
    const queued = await depth();

    // Wednesday 15 April: all six missed Monday's deadline. The first run "crashes" after its writes.
    now = new Date('2026-04-15T02:00:00Z');
    const crashed = await sweepDeadlines({ ...deps, queue: crashedQueue }, { limit: 100 });
    expect(crashed.escalated).toBe(6);
    expect(await depth()).toBe(queued);

    // Again, and two at once: nothing left to do.
    const again = await sweepDeadlines(deps, { limit: 100 });
    const both = await Promise.all([sweepDeadlines(deps, { limit: 100 }), sweepDeadlines(deps, { limit: 100 })]);
    expect([again, ...both].map((r) => r.escalated)).toEqual([0, 0, 0]);

    // The outbox relay queues the crashed run's notifications, once (2 per escalation: parent and lead).
    now = new Date('2026-04-15T02:10:00Z');
    expect((await relayOutbox(deps, { graceSeconds: 60, limit: 200 })).relayed).toBe(12);
    expect((await relayOutbox(deps, { graceSeconds: 60, limit: 200 })).relayed).toBe(0);
    expect(await depth()).toBe(queued + 12);
    for (const id of ids) {
      const timeline = await deps.store.timeline(id);
      expect(timeline.filter((e) => e.type === 'ESCALATED')).toHaveLength(1);
    }
  });

  it('lets racing sweeps apply each escalation exactly once', async () => {
    now = new Date('2026-04-20T01:00:00Z');
    const r = await submitComplaint(deps, submission({ title: 'Sampah di pasar Kumbasari' }) as never);
    await routeComplaint(deps, r.trackingId);
    now = new Date('2026-05-04T02:00:00Z');
    await Promise.all([1, 2, 3, 4].map(() => sweepDeadlines(deps, { limit: 100 })));
    const escalatedHere = (await deps.store.timeline(r.trackingId)).filter((e) => e.type === 'ESCALATED');
    expect(escalatedHere).toHaveLength(1);
  });

  it('fans a large sweep out through the sweep queue, and the workers apply each change once', async () => {
    now = new Date('2026-05-11T01:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await submitComplaint(deps, submission({ title: `Sampah di Sanur nomor ${i}` }) as never);
      await routeComplaint(deps, r.trackingId);
      ids.push(r.trackingId);
    }
    // Due Wednesday 20 May (Kenaikan and its cuti bersama fall in between); overdue by Monday 25 May.
    now = new Date('2026-05-25T02:00:00Z');
    const fanned = await sweepDeadlines(deps, { limit: 1000, fanOutAbove: 2, sliceSize: 2 });
    expect(fanned.fannedOut).toBeGreaterThanOrEqual(5);
    expect(fanned.escalated).toBe(0);
    let escalated = 0;
    for (;;) {
      const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: sweepQueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
      if (!got.Messages?.length) break;
      for (const m of got.Messages) {
        const body = JSON.parse(m.Body as string) as { trackingIds: string[] };
        // Each slice delivered twice (at-least-once): the second changes nothing.
        escalated += (await sweepSlice(deps, body.trackingIds)).escalated;
        escalated += (await sweepSlice(deps, body.trackingIds)).escalated;
        await sqs.send(new DeleteMessageCommand({ QueueUrl: sweepQueueUrl, ReceiptHandle: m.ReceiptHandle as string }));
      }
    }
    for (const id of ids) expect((await deps.store.timeline(id)).filter((e) => e.type === 'ESCALATED')).toHaveLength(1);
    expect(escalated).toBeGreaterThanOrEqual(5);
  });
});
