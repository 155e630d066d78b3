import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbComplaintStore } from '../../functions/adapters/dynamodb-complaint-store';
import { DynamoDbServiceCatalogue } from '../../functions/adapters/dynamodb-service-catalogue';
import { KmsIdentityCipher } from '../../functions/adapters/kms-identity-cipher';
import type { Complaint, TimelineEvent } from '../../functions/core/complaint';
import { chainProblems } from '../../functions/core/evidence';
import type { ComplaintStore } from '../../functions/core/ports';
import type { PublicService, ServiceStandard } from '../../functions/core/services';
import { type Running, startDynamoDb } from '../../local/emulators';
import { startKms } from '../../local/kms';
import { createLocalResources, localClients } from '../../local/resources';
import { synthesizeTemplate } from '../../local/template';
import { InMemoryComplaintStore } from '../support/in-memory';
import { freePort } from '../support/network';
import { complaint, event, outbox } from '../support/store-fixtures';

let dynamo: Running;
/** The store under test: DynamoDB Local, then the in-memory fake the use-case tests run on (one contract for both). */
let store: ComplaintStore;
let dynamoStore: DynamoDbComplaintStore;
let kms: Running;
let kmsClient: KMSClient;
let raw: { ddb: import('@aws-sdk/client-dynamodb').DynamoDBClient; table: string };

/** The stored chain head: an update is made from the complaint as read, which carries it. */
const headOf = async (trackingId: string) => ({ timelineHead: (await store.get(trackingId))?.complaint.timelineHead });
/** A complaint with no reporter identity, its first timeline entry and one outbox row. */
const createWithoutReporter = (
  trackingId: string,
  outboxId: string,
  o: { accessTokenHash: string; at: string; idempotency?: Parameters<ComplaintStore['create']>[0]['idempotency'] },
) =>
  store.create({
    complaint: complaint(trackingId),
    reporter: undefined,
    accessTokenHash: o.accessTokenHash,
    events: [event(o.at)],
    outbox: [outbox(outboxId)],
    ...(o.idempotency ? { idempotency: o.idempotency } : {}),
  });

beforeAll(async () => {
  dynamo = await startDynamoDb({ port: await freePort() });
  const { ddb, sqs } = localClients({ dynamodb: dynamo.endpoint, sqs: 'http://127.0.0.1:1' }, 'ap-southeast-3');
  const template = synthesizeTemplate();
  // Tables only: queues are not needed here, so drop them from the template.
  const tablesOnly = { Resources: Object.fromEntries(Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::DynamoDB::Table')) };
  const res = await createLocalResources(tablesOnly, { ddb, sqs }, `store-${Date.now()}`);
  const main = res.tables.find((t) => t.logicalId.startsWith('DataComplaints')) as { name: string };
  kms = await startKms({ port: 0 });
  kmsClient = new KMSClient({ endpoint: kms.endpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  dynamoStore = new DynamoDbComplaintStore(ddb, main.name, new KmsIdentityCipher(kmsClient, 'store-test-key'));
  raw = { ddb, table: main.name };
});
afterAll(async () => {
  await kms?.stop();
  await dynamo?.stop();
});

const IMPLEMENTATIONS = [['DynamoDB Local'], ['in memory']] as const;

describe.each(IMPLEMENTATIONS)('the complaint store contract: %s', (implementation) => {
  const onDynamo = implementation === 'DynamoDB Local';
  beforeAll(() => {
    store = onDynamo ? dynamoStore : new InMemoryComplaintStore();
  });

  it('keeps the identity apart from the complaint and returns both on purpose only', async () => {
    const r = await store.create({
      complaint: complaint('AAAAA-AAAA1'),
      reporter: { name: 'Wayan' },
      accessTokenHash: 'h1',
      events: [event('2026-11-27T01:00:00.000Z')],
      outbox: [outbox('o1')],
    });
    expect(r).toEqual({ kind: 'CREATED' });
    const got = await store.get('AAAAA-AAAA1');
    expect(got?.complaint.title).toBe('Lampu jalan mati');
    expect(got?.accessTokenHashes).toEqual(['h1']);
    expect(JSON.stringify(got)).not.toContain('Wayan');
    expect(await store.getReporter('AAAAA-AAAA1')).toEqual({ name: 'Wayan' });
    expect(await store.timeline('AAAAA-AAAA1')).toHaveLength(1);
  });

  it.runIf(onDynamo)('stores the identity encrypted (KMS), readable only with the key and only on its own complaint (issue 7)', async () => {
    const item = await raw.ddb.send(new GetItemCommand({ TableName: raw.table, Key: { pk: { S: 'C#AAAAA-AAAA1' }, sk: { S: 'REPORTER' } } }));
    expect(JSON.stringify(item.Item)).not.toContain('Wayan');
    const withoutKey = new DynamoDbComplaintStore(raw.ddb, raw.table);
    await expect(withoutKey.getReporter('AAAAA-AAAA1')).rejects.toThrow(/identity key/);
    // The ciphertext copied onto another complaint does not open there (encryption context).
    const sealed = item.Item?.sealedIdentity?.S as string;
    await expect(new KmsIdentityCipher(kmsClient, 'store-test-key').open('ZZZZZ-ZZZZ1', sealed)).rejects.toThrow();
  });

  it('refuses a second complaint under a taken tracking number', async () => {
    const again = await createWithoutReporter('AAAAA-AAAA1', 'o2', { accessTokenHash: 'h2', at: '2026-11-27T02:00:00.000Z' });
    expect(again).toEqual({ kind: 'TRACKING_ID_TAKEN' });
  });

  it('answers a reused idempotency key with the first complaint, writing nothing new', async () => {
    const idem = { key: 'client-key-0123456789', requestHash: 'rh', expiresAt: new Date('2026-11-28T00:00:00Z'), now: new Date('2026-11-27T00:00:00Z') };
    expect(await createWithoutReporter('BBBBB-BBBB1', 'b1', { accessTokenHash: 'h', at: '2026-11-27T01:00:00.000Z', idempotency: idem })).toEqual({
      kind: 'CREATED',
    });
    expect(await createWithoutReporter('CCCCC-CCCC1', 'c1', { accessTokenHash: 'h', at: '2026-11-27T01:00:00.000Z', idempotency: idem })).toEqual({
      kind: 'DUPLICATE_KEY',
      trackingId: 'BBBBB-BBBB1',
      requestHash: 'rh',
    });
    expect(await store.get('CCCCC-CCCC1')).toBeUndefined();
    expect(await store.addAccessTokenHash('BBBBB-BBBB1', 'h-second', 5)).toBe(true);
    expect((await store.get('BBBBB-BBBB1'))?.accessTokenHashes.sort()).toEqual(['h', 'h-second']);
  });

  it('caps the access tokens one complaint holds, so retries cannot grow the item without end (issue 7)', async () => {
    await createWithoutReporter('EEEEE-EEEE1', 'e1', { accessTokenHash: 't0', at: '2026-11-27T01:00:00.000Z' });
    const added = [];
    for (let i = 1; i <= 6; i++) added.push(await store.addAccessTokenHash('EEEEE-EEEE1', `t${i}`, 5));
    expect(added).toEqual([true, true, true, true, false, false]);
    expect((await store.get('EEEEE-EEEE1'))?.accessTokenHashes).toHaveLength(5);
  });

  it('never replays an expired idempotency record that TTL has not deleted yet (issue 7)', async () => {
    const key = 'expiring-key-0123456789';
    const first = { key, requestHash: 'rh', expiresAt: new Date('2026-11-28T00:00:00Z'), now: new Date('2026-11-27T00:00:00Z') };
    await createWithoutReporter('FFFFF-FFFF1', 'f1', { accessTokenHash: 'h', at: '2026-11-27T01:00:00.000Z', idempotency: first });
    // Two days later the record is past its expiry but still stored: the same key makes a new complaint.
    const later = { key, requestHash: 'rh', expiresAt: new Date('2026-11-30T00:00:00Z'), now: new Date('2026-11-29T00:00:00Z') };
    expect(await createWithoutReporter('GGGGG-GGGG1', 'g1', { accessTokenHash: 'h', at: '2026-11-29T01:00:00.000Z', idempotency: later })).toEqual({
      kind: 'CREATED',
    });
  });

  it('lists verified, non-confidential complaints in the public feed, newest first, by region, category and status (issue 10)', async () => {
    const month = '2031-02';
    const at = (day: number) => `${month}-${String(day).padStart(2, '0')}T02:00:00.000Z`;
    const make = async (id: string, day: number, over: Partial<Complaint>) => {
      await store.create({
        complaint: complaint(id, { submittedAt: at(day) }),
        reporter: undefined,
        accessTokenHash: `h-${id}`,
        events: [event(at(day))],
        outbox: [],
      });
      return store.update(
        complaint(id, { submittedAt: at(day), status: 'ASSIGNED', assignedAgencyId: 'pemda-51.03', version: 2, ...(await headOf(id)), ...over }),
        1,
        [],
      );
    };
    await make('FEED1-AAAA1', 1, {});
    await make('FEED1-AAAA2', 2, { confidential: true });
    await make('FEED1-AAAA3', 3, { categoryId: 'air-bersih', location: { regionCode: '51.71' } });
    await make('FEED1-AAAA4', 4, { status: 'ARCHIVED' });
    await store.create({
      complaint: complaint('FEED1-AAAA5', { submittedAt: at(5) }),
      reporter: undefined,
      accessTokenHash: 'h5',
      events: [event(at(5))],
      outbox: [],
    });

    const ids = async (filter: Parameters<DynamoDbComplaintStore['publicFeed']>[1]['filter']) =>
      (await store.publicFeed(month, { limit: 50, filter })).items.map((c) => c.trackingId);
    // Unverified (SUBMITTED), confidential and archived complaints are not in the index at all.
    expect(await ids({})).toEqual(['FEED1-AAAA3', 'FEED1-AAAA1']);
    expect(await ids({ regionCode: '51' })).toEqual(['FEED1-AAAA3', 'FEED1-AAAA1']);
    expect(await ids({ regionCode: '51.71' })).toEqual(['FEED1-AAAA3']);
    expect(await ids({ regionCode: '5' })).toEqual([]);
    expect(await ids({ categoryId: 'air-bersih', status: 'ASSIGNED' })).toEqual(['FEED1-AAAA3']);
    // A complaint made confidential later leaves the feed.
    await store.update(
      complaint('FEED1-AAAA1', {
        submittedAt: at(1),
        status: 'ASSIGNED',
        assignedAgencyId: 'pemda-51.03',
        version: 3,
        confidential: true,
        ...(await headOf('FEED1-AAAA1')),
      }),
      2,
      [],
    );
    expect(await ids({})).toEqual(['FEED1-AAAA3']);
    // Paged by the position it hands out: an opaque string, which only the same store reads back.
    const first = await store.publicFeed(month, { limit: 1, filter: {} });
    expect(first.items.map((c) => c.trackingId)).toEqual(['FEED1-AAAA3']);
    if (first.next) {
      expect(typeof first.next).toBe('string');
      expect((await store.publicFeed(month, { limit: 1, filter: {}, after: first.next })).items).toEqual([]);
    }
  });

  it('chains an update after an audit entry appended since it read, instead of refusing it (issue 12)', async () => {
    await createWithoutReporter('CHAIN-AAAA1', 'c1', { accessTokenHash: 'h', at: '2026-11-27T01:00:00.000Z' });
    const read = await headOf('CHAIN-AAAA1');
    await store.appendEvent('CHAIN-AAAA1', { ...event('2026-11-27T02:00:00.000Z', 'IDENTITY_READ'), visibility: 'INTERNAL' });
    const next = complaint('CHAIN-AAAA1', { status: 'ASSIGNED', assignedAgencyId: 'pemda-51.03', version: 2, routing: { state: 'ASSIGNED' }, ...read });
    expect(await store.update(next, 1, [event('2026-11-27T03:00:00.000Z', 'ASSIGNED')])).toBe(true);
    const entries = await store.evidence('CHAIN-AAAA1');
    expect(chainProblems('CHAIN-AAAA1', entries, (await store.get('CHAIN-AAAA1'))?.complaint.timelineHead)).toEqual([]);
    expect(entries).toHaveLength(3);
  });

  it('counts one support per device and complaint, caps a device per day, and counts a merged duplicate once (issue 12)', async () => {
    await createWithoutReporter('SUPPT-AAAA1', 's1', { accessTokenHash: 'h', at: '2026-11-27T01:00:00.000Z' });
    await createWithoutReporter('SUPPT-AAAA2', 's2', { accessTokenHash: 'h', at: '2026-11-27T01:00:00.000Z' });
    await createWithoutReporter('SUPPT-AAAA3', 's3', { accessTokenHash: 'h', at: '2026-11-27T01:00:00.000Z' });
    const cap = {
      day: '2026-11-27',
      perDay: 2,
      expiresAt: 1_800_000_000,
      source: { hash: 'addr-1', perComplaintPerDay: 5 },
      supporterExpiresAt: 1_810_000_000,
    };
    expect(await store.addSupport('SUPPT-AAAA1', 'device-a', cap)).toBe('ADDED');
    expect(await store.addSupport('SUPPT-AAAA1', 'device-a', cap)).toBe('ALREADY');
    expect(await store.addSupport('SUPPT-AAAA2', 'device-a', cap)).toBe('ADDED');
    // The third support of the day from one device is refused, whatever the complaint; another device is not.
    expect(await store.addSupport('SUPPT-AAAA3', 'device-a', cap)).toBe('LIMITED');
    expect(await store.addSupport('SUPPT-AAAA1', 'device-b', cap)).toBe('ADDED');
    expect(await store.addSupport('SUPPT-AAAA3', 'device-a', { ...cap, day: '2026-11-28' })).toBe('ADDED');
    expect(await store.supportOf('SUPPT-AAAA1')).toEqual({ supporters: 2, duplicates: 0 });
    expect(await store.supportOf('SUPPT-AAAA3')).toEqual({ supporters: 1, duplicates: 0 });
    // One address, fresh device tokens: at most 2 supports of one complaint that day here (issue 18).
    const fromOneAddress = { ...cap, perDay: 100, source: { hash: 'addr-2', perComplaintPerDay: 2 } };
    const outcomes = [];
    for (const d of ['d1', 'd2', 'd3', 'd4']) outcomes.push(await store.addSupport('SUPPT-AAAA3', d, fromOneAddress));
    expect(outcomes).toEqual(['ADDED', 'ADDED', 'LIMITED', 'LIMITED']);
    expect(await store.supportOf('SUPPT-AAAA3')).toEqual({ supporters: 3, duplicates: 0 });

    // A duplicate archived into SUPPT-AAAA1: its link and the count in the archive's own write.
    const archived = complaint('SUPPT-AAAA2', { status: 'ARCHIVED', version: 2, ...(await headOf('SUPPT-AAAA2')) });
    expect(await store.update(archived, 1, [event('2026-11-27T05:00:00.000Z', 'ARCHIVED')], [], [], { mergeInto: 'SUPPT-AAAA1' })).toBe(true);
    expect(await store.supportOf('SUPPT-AAAA1')).toEqual({ supporters: 2, duplicates: 1 });
  });

  it('finds open complaints of one place and category, newest first, through a keys-only index (issue 12)', async () => {
    const at = (d: string) => ({ submittedAt: `2026-11-${d}T01:00:00.000Z`, updatedAt: `2026-11-${d}T01:00:00.000Z` });
    const place = (id: string, over: Partial<Complaint>) =>
      store.create({ complaint: complaint(id, over), reporter: undefined, accessTokenHash: 'h', events: [], outbox: [] });
    await place('PLACE-AAAA1', { ...at('10'), categoryId: 'jalan-kabupaten-kota', location: { regionCode: '51.71' } });
    await place('PLACE-AAAA2', { ...at('20'), categoryId: 'jalan-kabupaten-kota', location: { regionCode: '51.71' } });
    await place('PLACE-AAAA3', { ...at('21'), categoryId: 'air-bersih', location: { regionCode: '51.71' } });
    await place('PLACE-AAAA4', { ...at('22'), categoryId: 'jalan-kabupaten-kota', location: { regionCode: '51.71' }, status: 'CLOSED' });
    await place('PLACE-AAAA5', { ...at('01'), categoryId: 'jalan-kabupaten-kota', location: { regionCode: '51.71' } });
    const found = await store.openNearby('51.71', 'jalan-kabupaten-kota', '2026-11-05', 10);
    expect(found.map((c) => c.trackingId)).toEqual(['PLACE-AAAA2', 'PLACE-AAAA1']);
  });

  it('saves an update only against the version it read (optimistic locking)', async () => {
    await createWithoutReporter('DDDDD-DDDD1', 'd1', { accessTokenHash: 'h', at: '2026-11-27T01:00:00.000Z' });
    const next = complaint('DDDDD-DDDD1', {
      status: 'ASSIGNED',
      assignedAgencyId: 'pemda-51.03',
      version: 2,
      routing: { state: 'ASSIGNED' },
      ...(await headOf('DDDDD-DDDD1')),
    });
    const [a, b] = await Promise.all([
      store.update(next, 1, [event('2026-11-27T03:00:00.000Z', 'ASSIGNED')]),
      store.update({ ...next, assignedAgencyId: 'pemda-51' }, 1, [event('2026-11-27T03:00:00.001Z', 'ASSIGNED')]),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await store.update(next, 1, [event('2026-11-27T04:00:00.000Z', 'ASSIGNED')])).toBe(false);
    expect((await store.timeline('DDDDD-DDDD1')).filter((e) => e.type === 'ASSIGNED')).toHaveLength(1);
  });

  it('merges a duplicate only while its survivor is not archived, in the same write (issue 18)', async () => {
    await createWithoutReporter('MERGE-AAAA1', 'm1', { accessTokenHash: 'h', at: '2026-11-27T01:00:00.000Z' });
    await createWithoutReporter('MERGE-AAAA2', 'm2', { accessTokenHash: 'h', at: '2026-11-27T01:00:00.000Z' });
    const archive = async (id: string, into: string) =>
      store.update(complaint(id, { status: 'ARCHIVED', version: 2, ...(await headOf(id)) }), 1, [event('2026-11-27T05:00:00.000Z', 'ARCHIVED')], [], [], {
        mergeInto: into,
      });
    expect(await archive('MERGE-AAAA1', 'MERGE-AAAA2')).toBe(true);
    // The survivor is archived now: merging it into the other is refused, and nothing is written.
    expect(await archive('MERGE-AAAA2', 'MERGE-AAAA1')).toBe(false);
    expect((await store.get('MERGE-AAAA2'))?.complaint.status).toBe('SUBMITTED');
    expect(await store.supportOf('MERGE-AAAA1')).toEqual({ supporters: 0, duplicates: 0 });
  });

  it('redacts the entries about erased files, keeping each one’s link so the chain still verifies (issue 18)', async () => {
    await createWithoutReporter('REDAC-AAAA1', 'r1', { accessTokenHash: 'h', at: '2026-11-27T01:00:00.000Z' });
    const added: TimelineEvent = {
      ...event('2026-11-27T02:00:00.000Z', 'ATTACHMENT_ADDED'),
      message: 'Lampiran ditambahkan: KTP_Wayan.jpg.',
      attachment: { id: 'f1', fileName: 'KTP_Wayan.jpg', sha256: 'a'.repeat(64) },
    };
    await store.appendEvent('REDAC-AAAA1', added);
    const redact = (e: TimelineEvent): TimelineEvent => ({ ...e, message: 'dihapus', attachment: { id: 'f1', fileName: '(dihapus)', sha256: 'a'.repeat(64) } });
    expect(await store.redactAttachmentEvents('REDAC-AAAA1', ['f1'], redact)).toBe(1);
    expect(await store.redactAttachmentEvents('REDAC-AAAA1', ['f1'], redact)).toBe(0);
    expect(JSON.stringify(await store.timeline('REDAC-AAAA1'))).not.toContain('Wayan');
    const entries = await store.evidence('REDAC-AAAA1');
    expect(entries.filter((e) => !e.event && e.shown?.type === 'ATTACHMENT_ADDED')).toHaveLength(1);
    expect(chainProblems('REDAC-AAAA1', entries, (await store.get('REDAC-AAAA1'))?.complaint.timelineHead)).toEqual([]);
  });

  it('lists undispatched outbox rows through the sparse index until they are dispatched', async () => {
    await store.create({
      complaint: complaint('EEEEE-EEEE1'),
      reporter: undefined,
      accessTokenHash: 'h',
      events: [event('2026-11-27T01:00:00.000Z')],
      outbox: [outbox('e1', '2026-11-27T05:00:00.000Z')],
    });
    const pending = await store.undispatchedOutbox('2026-11-27T06:00:00.000Z', 100);
    expect(pending.map((p) => p.message.id)).toContain('e1');
    expect(await store.pendingOutbox('EEEEE-EEEE1')).toHaveLength(1);
    await store.markDispatched('EEEEE-EEEE1', 'e1', '2026-11-27T05:00:01.000Z');
    expect((await store.undispatchedOutbox('2026-11-27T06:00:00.000Z', 100)).map((p) => p.message.id)).not.toContain('e1');
    expect(await store.pendingOutbox('EEEEE-EEEE1')).toHaveLength(0);
  });
});

describe('DynamoDB service catalogue (DynamoDB Local, issue 11)', () => {
  const standard = (version: number, effectiveFrom: string): ServiceStandard => ({
    version,
    decreeNumber: `SK-${version}`,
    effectiveFrom,
    publishedAt: '2026-01-01T00:00:00Z',
    publishedBy: 'admin',
    legalBasis: 'UU 25/2009',
    requirements: ['KTP-el'],
    procedure: ['Daftar'],
    completionTime: { value: 1, unit: 'WORKING_DAYS' },
    cost: { kind: 'FREE' },
    product: 'x',
    facilities: 'x',
    staffCompetence: 'x',
    internalSupervision: 'x',
    complaintHandling: { channels: 'LAPOR!' },
    staffCount: 'x',
    serviceGuarantee: 'x',
    securityGuarantee: 'x',
    performanceEvaluation: 'x',
  });
  const service = (id: string, agencyId: string, name: string, regionCodes: string[] = []): PublicService => ({
    id,
    agencyId,
    name,
    regionCodes,
    status: 'ACTIVE',
    currentVersion: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  });

  it('creates all or none, versions only over the version read, retires, and searches by words, agency and region', async () => {
    const catalogue = new DynamoDbServiceCatalogue(raw.ddb, raw.table);
    const ktp = { service: service('it-ktp-el', 'pemda-51.03', 'Penerbitan KTP-el', ['51.03']), standard: standard(1, '2025-07-01') };
    const pkb = { service: service('it-pkb', 'pemda-51', 'Pajak Kendaraan Bermotor'), standard: standard(1, '2025-01-02') };
    const skck = { service: service('it-skck', 'polri', 'Penerbitan SKCK'), standard: standard(1, '2023-10-01') };
    const jakarta = { service: service('it-ktp-jkt', 'pemda-31.71', 'Penerbitan KTP-el Jakarta Pusat', ['31.71']), standard: standard(1, '2025-01-01') };
    expect(await catalogue.create([ktp, pkb, skck, jakarta])).toEqual({ ok: true });
    // One taken id cancels the whole batch.
    expect(await catalogue.create([{ ...ktp, service: { ...ktp.service, id: 'it-new' } }, ktp])).toEqual({ ok: false, taken: ['it-ktp-el'] });
    expect(await catalogue.get('it-new')).toBeUndefined();

    const [a, b] = await Promise.all([
      catalogue.publish('it-ktp-el', standard(2, '2026-09-01'), 1, '2026-08-01T00:00:00Z'),
      catalogue.publish('it-ktp-el', standard(2, '2026-10-01'), 1, '2026-08-01T00:00:01Z'),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const entry = await catalogue.get('it-ktp-el');
    expect(entry?.service.currentVersion).toBe(2);
    expect(entry?.versions.map((v) => v.version)).toEqual([1, 2]);

    const ids = async (filter: Parameters<DynamoDbServiceCatalogue['search']>[0]) =>
      (await catalogue.search(filter, { limit: 100 })).items.map((s) => s.id).filter((id) => id.startsWith('it-'));
    expect(await ids({ q: 'ktp' })).toEqual(['it-ktp-jkt', 'it-ktp-el']); // by name
    expect(await ids({ q: 'KTP jakarta' })).toEqual(['it-ktp-jkt']);
    expect(await ids({ q: 'kabupaten badung' })).toEqual(['it-ktp-el']); // the agency's name is searched too
    // Badung sees its own, Bali's (province) and national services; not Jakarta's.
    expect(await ids({ regionCode: '51.03' })).toEqual(['it-pkb', 'it-ktp-el', 'it-skck']);
    expect(await ids({ agencyId: 'polri' })).toEqual(['it-skck']);
    expect(await catalogue.retire('it-skck', '2026-08-02T00:00:00Z')).toBe(true);
    expect(await catalogue.retire('it-skck', '2026-08-02T00:00:00Z')).toBe(false);
    expect(await catalogue.publish('it-skck', standard(2, '2027-01-01'), 1, '2026-08-03T00:00:00Z')).toBe(false);
  });
});
