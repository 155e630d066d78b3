import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDbAgencyDirectory } from '../adapters/dynamodb-agency-directory';
import { DynamoDbAgencyReadiness } from '../adapters/dynamodb-agency-readiness';
import { DynamoDbCalendarStore } from '../adapters/dynamodb-calendar-store';
import { DynamoDbChainHeads } from '../adapters/dynamodb-chain-heads';
import { DynamoDbClientKeys } from '../adapters/dynamodb-client-keys';
import { DynamoDbComplaintStore } from '../adapters/dynamodb-complaint-store';
import { DynamoDbDigestLedger } from '../adapters/dynamodb-digest-ledger';
import { DynamoDbServiceCatalogue } from '../adapters/dynamodb-service-catalogue';
import { DynamoDbStaffRecords } from '../adapters/dynamodb-staff-records';
import { hmacContactHasher } from '../adapters/hmac-contact-hasher';
import { hmacCursors } from '../adapters/hmac-cursors';
import { OperatorCalendar } from '../adapters/operator-calendar';
import { SqsMessageQueue } from '../adapters/sqs-queue';
import { cryptoRandom, systemClock } from '../adapters/system';
import { type Capability, type Declares, envNamesOfNeeds, type PortsOf, QUEUE_URL } from '../capabilities';
import { type ClockOverrides, NATIONAL_POLICY, policyResolver } from '../core/clocks';
import type { IdentityCipher, Mailer, QueueName } from '../core/ports';
import type { StaffAccounts } from '../core/staff-ports';
import { ENV, optionalEnv, requireEnv } from './env';
import { logger, tracer } from './powertools';
import type { HmacKeys } from './secrets';

// Clients are created once per container, reused across invocations, and traced (X-Ray subsegments).
export const dynamo = tracer.captureAWSv3Client(new DynamoDBClient({}));
export const sqs = tracer.captureAWSv3Client(new SQSClient({}));

/**
 * The adapters whose SDK clients only some functions carry, required exactly when the needs call
 * for them: `sesMailer` (shared/ses.ts) for mail, `kmsIdentities` (shared/kms.ts) for identities,
 * the keys read from their secrets (`await hmacKeys()`, shared/secrets.ts) for cursors and contacts,
 * `cognitoStaffAccounts` (shared/cognito.ts) for staff accounts.
 */
export type AdaptersFor<C extends readonly Capability[]> = (Declares<C, 'mail'> extends true ? { mailer: (from: string) => Mailer } : unknown) &
  (Declares<C, 'identities'> extends true ? { identities: (keyId: string) => IdentityCipher } : unknown) &
  (Declares<C, 'cursors'> extends true ? { keys: HmacKeys } : Declares<C, 'contacts'> extends true ? { keys: HmacKeys } : unknown) &
  (Declares<C, 'staffAccounts'> extends true ? { staffAccounts: (userPoolId: string) => StaffAccounts } : unknown);

type AnyAdapters = {
  mailer?: (from: string) => Mailer;
  identities?: (keyId: string) => IdentityCipher;
  keys?: HmacKeys;
  staffAccounts?: (userPoolId: string) => StaffAccounts;
};

const keyOf = (key: string | undefined, what: string) => {
  if (!key) throw new Error(`this function needs ${what} but its handler passes no key read from its secret`);
  return key;
};

/**
 * Builds exactly the ports a function's needs name (functions/needs.ts), once, at cold start.
 * Every variable those needs bring must be set — a missing one fails here, not mid-request, and
 * nothing falls back to a default that would mail the wrong place. The result is typed from the
 * needs: a handler cannot use a port its function did not declare.
 */
export function portsFor<const C extends readonly Capability[]>(needs: C, adapters: AdaptersFor<C>): Readonly<PortsOf<C>> {
  // Present, even if empty (a stage may route no category automatically).
  for (const name of envNamesOfNeeds(needs)) if (process.env[name] === undefined) throw new Error(`missing environment variable ${name}`);
  const given = adapters as AnyAdapters;
  const has = (kind: Capability['kind']) => needs.some((n) => n.kind === kind);
  const ports: Record<string, unknown> = {
    clock: systemClock,
    random: cryptoRandom,
    logger: {
      info: (message: string, extra?: Record<string, unknown>) => logger.info(message, extra ?? {}),
      warn: (message: string, extra?: Record<string, unknown>) => logger.warn(message, extra ?? {}),
      error: (message: string, extra?: Record<string, unknown>) => logger.error(message, extra ?? {}),
    },
  };
  if (has('table')) {
    const tableName = requireEnv(ENV.tableName);
    const cipher = has('identities') ? (given.identities as NonNullable<AnyAdapters['identities']>)(requireEnv(ENV.identityKeyId)) : undefined;
    const calendarStore = new DynamoDbCalendarStore(dynamo, tableName);
    Object.assign(ports, {
      store: new DynamoDbComplaintStore(dynamo, tableName, cipher),
      calendarStore,
      calendar: new OperatorCalendar(calendarStore),
      services: new DynamoDbServiceCatalogue(dynamo, tableName),
      clientKeys: new DynamoDbClientKeys(dynamo, tableName),
      directory: new DynamoDbAgencyDirectory(dynamo, tableName),
      digests: new DynamoDbDigestLedger(dynamo, tableName),
      chainHeads: new DynamoDbChainHeads(dynamo, tableName),
      staffRecords: new DynamoDbStaffRecords(dynamo, tableName),
      readiness: new DynamoDbAgencyReadiness(dynamo, tableName),
    });
  }
  const queues = needs.flatMap((n) => (n.kind === 'sendsTo' ? [n.queue] : []));
  if (queues.length) {
    const urls: Partial<Record<QueueName, string>> = {};
    for (const q of queues) urls[q] = requireEnv(QUEUE_URL[q]);
    ports.queue = new SqsMessageQueue(sqs, urls);
  }
  if (has('mail')) {
    ports.mailer = (given.mailer as NonNullable<AnyAdapters['mailer']>)(requireEnv(ENV.mailFrom));
    ports.portalUrl = requireEnv(ENV.portalUrl);
  }
  if (has('mail') || has('agencyDomain')) ports.agencyEmailDomain = requireEnv(ENV.agencyEmailDomain);
  if (has('deadlines')) ports.policyFor = policyResolver(NATIONAL_POLICY, JSON.parse(requireEnv(ENV.clockOverrides)) as ClockOverrides);
  if (has('cursors')) ports.cursors = hmacCursors(keyOf(given.keys?.cursor, 'the cursor key'));
  if (has('contacts')) ports.contacts = hmacContactHasher(keyOf(given.keys?.contactLookup, 'the contact lookup key'));
  if (has('standards')) ports.illegalLevyToOmbudsman = requireEnv(ENV.illegalLevyToOmbudsman) === 'true';
  if (has('staffAccounts')) ports.staffAccounts = (given.staffAccounts as NonNullable<AnyAdapters['staffAccounts']>)(requireEnv(ENV.userPoolId));
  if (has('autoRouting')) ports.autoRoutedCategories = new Set((optionalEnv(ENV.autoRouteCategories) ?? '').split(',').filter(Boolean));
  return Object.freeze(ports) as unknown as Readonly<PortsOf<C>>;
}
