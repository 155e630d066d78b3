import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDbAgencyDirectory } from '../adapters/dynamodb-agency-directory';
import { DynamoDbCalendarStore } from '../adapters/dynamodb-calendar-store';
import { DynamoDbChainHeads } from '../adapters/dynamodb-chain-heads';
import { DynamoDbClientKeys } from '../adapters/dynamodb-client-keys';
import { DynamoDbComplaintStore } from '../adapters/dynamodb-complaint-store';
import { DynamoDbDigestLedger } from '../adapters/dynamodb-digest-ledger';
import { DynamoDbServiceCatalogue } from '../adapters/dynamodb-service-catalogue';
import { hmacContactHasher } from '../adapters/hmac-contact-hasher';
import { hmacCursors } from '../adapters/hmac-cursors';
import { OperatorCalendar } from '../adapters/operator-calendar';
import { SqsMessageQueue } from '../adapters/sqs-queue';
import { cryptoRandom, systemClock } from '../adapters/system';
import { type ClockOverrides, NATIONAL_POLICY, policyResolver } from '../core/clocks';
import type { ContactHasher, CursorCodec, IdentityCipher, Mailer } from '../core/ports';
import type { Deps } from '../use-cases/deps';
import { ENV, type EnvName, optionalEnv, requireEnv } from './env';
import { logger, tracer } from './powertools';
import type { HmacKeys } from './secrets';

// Clients are created once per container, reused across invocations, and traced (X-Ray subsegments).
export const dynamo = tracer.captureAWSv3Client(new DynamoDBClient({}));
export const sqs = tracer.captureAWSv3Client(new SQSClient({}));

const unavailableCursors: CursorCodec = {
  seal: () => {
    throw new Error(`this function has no ${ENV.cursorKeySecretArn}: it does not page`);
  },
  open: () => undefined,
};

const noContactKey = () => {
  throw new Error(`this function has no ${ENV.contactKeySecretArn}: it does not look up contacts`);
};
const unavailableContacts: ContactHasher = { hash: noContactKey, emailConfirmationCode: noContactKey, addressOfDay: noContactKey };

const unavailableMailer: Mailer = {
  send: () => Promise.reject(new Error(`this function has no ${ENV.mailFrom}: it does not send email`)),
};

/**
 * Builds the ports a function needs, once, at cold start: `required` settings fail fast when
 * missing, and so does every setting of email for a function that sends it — nothing falls back
 * to a default that would mail the wrong place.
 */
export function buildDeps(
  required: EnvName[],
  /**
   * The ports whose SDK clients only some functions carry: a handler that sends email passes
   * `sesMailer` (shared/ses.ts), one that seals or opens identities `kmsIdentities` (shared/kms.ts),
   * one that pages or looks up contacts the keys its secrets hold (`await hmacKeys()`, shared/secrets.ts).
   */
  ports: { mailer?: (from: string) => Mailer; identities?: (keyId: string) => IdentityCipher; keys?: HmacKeys } = {},
): Readonly<Deps> {
  for (const name of required) requireEnv(name);
  const mailFrom = optionalEnv(ENV.mailFrom);
  // The wiring gives a function these settings exactly when it needs the port: fail at cold start on a mismatch.
  if (mailFrom && !ports.mailer) throw new Error(`this function has ${ENV.mailFrom} but its handler passes no mailer`);
  // Only functions that send email get (and need) the portal URL; they and the directory's keepers get the agencies' domain.
  const portalUrl = mailFrom ? requireEnv(ENV.portalUrl) : undefined;
  const agencyEmailDomain = mailFrom ? requireEnv(ENV.agencyEmailDomain) : optionalEnv(ENV.agencyEmailDomain);
  const notForThisFunction = (what: string) => () => {
    throw new Error(`this function has no ${what}`);
  };
  const tableName = requireEnv(ENV.tableName);
  const identityKey = optionalEnv(ENV.identityKeyId);
  const identitiesFor = (keyId: string) => {
    if (!ports.identities) throw new Error(`this function has ${ENV.identityKeyId} but its handler passes no identity cipher`);
    return ports.identities(keyId);
  };
  // A secret named in the configuration whose key the handler did not read is a wiring mistake.
  const keyOf = (name: EnvName, key: string | undefined) => {
    if (!optionalEnv(name)) return undefined;
    if (!key) throw new Error(`this function has ${name} but its handler passes no key read from it`);
    return key;
  };
  const cursorKey = keyOf(ENV.cursorKeySecretArn, ports.keys?.cursor);
  const contactKey = keyOf(ENV.contactKeySecretArn, ports.keys?.contactLookup);
  const calendarStore = new DynamoDbCalendarStore(dynamo, tableName);
  const base = {
    store: new DynamoDbComplaintStore(dynamo, tableName, identityKey ? identitiesFor(identityKey) : undefined),
    calendarStore,
    services: new DynamoDbServiceCatalogue(dynamo, tableName),
    clientKeys: new DynamoDbClientKeys(dynamo, tableName),
    directory: new DynamoDbAgencyDirectory(dynamo, tableName),
    digests: new DynamoDbDigestLedger(dynamo, tableName),
    chainHeads: new DynamoDbChainHeads(dynamo, tableName),
    queue: new SqsMessageQueue(sqs, {
      routing: optionalEnv(ENV.routingQueueUrl),
      notification: optionalEnv(ENV.notificationQueueUrl),
      sweep: optionalEnv(ENV.sweepQueueUrl),
      upload: optionalEnv(ENV.uploadQueueUrl),
    }),
    mailer: mailFrom && ports.mailer ? ports.mailer(mailFrom) : unavailableMailer,
    clock: systemClock,
    random: cryptoRandom,
    calendar: new OperatorCalendar(calendarStore),
    contacts: contactKey ? hmacContactHasher(contactKey) : unavailableContacts,
    cursors: cursorKey ? hmacCursors(cursorKey) : unavailableCursors,
    logger: {
      info: (message, extra) => logger.info(message, extra ?? {}),
      warn: (message, extra) => logger.warn(message, extra ?? {}),
      error: (message, extra) => logger.error(message, extra ?? {}),
    },
    policyFor: policyResolver(NATIONAL_POLICY, JSON.parse(optionalEnv(ENV.clockOverrides) ?? '{}') as ClockOverrides),
    illegalLevyToOmbudsman: optionalEnv(ENV.illegalLevyToOmbudsman) === 'true',
    autoRoutedCategories: new Set((optionalEnv(ENV.autoRouteCategories) ?? '').split(',').filter(Boolean)),
  } satisfies Omit<Deps, 'agencyEmailDomain' | 'portalUrl'>;
  // Settings only some functions have fail when read, not when built; and they are not enumerable,
  // so a handler can spread the ports into a use case's (`{ ...deps, storage }`) without reading them.
  const deps: Deps = Object.defineProperties(base as typeof base & Pick<Deps, 'agencyEmailDomain' | 'portalUrl'>, {
    agencyEmailDomain: { get: () => agencyEmailDomain ?? notForThisFunction(ENV.agencyEmailDomain)(), enumerable: false },
    portalUrl: { get: () => portalUrl ?? notForThisFunction(ENV.portalUrl)(), enumerable: false },
  });
  return Object.freeze(deps);
}
