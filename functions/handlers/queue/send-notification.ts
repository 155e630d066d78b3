import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { NotifyMessage, QueueMessage } from '../../core/ports';
import { NEEDS } from '../../needs';
import { dynamo, portsFor } from '../../shared/deps';
import { ENV, requireEnv } from '../../shared/env';
import { kmsIdentities } from '../../shared/kms';
import { hmacKeys } from '../../shared/secrets';
import { sesMailer } from '../../shared/ses';
import { parseBody, sqsHandler } from '../../shared/sqs';
import { sendNotification } from '../../use-cases/send-notification';

const deps = portsFor(NEEDS.SendNotification, { mailer: sesMailer, identities: kmsIdentities, keys: await hmacKeys() });

// A message delivered twice sends one email: the notification id is the idempotency key.
const config = new IdempotencyConfig({ eventKeyJmesPath: 'notificationId', expiresAfterSeconds: 14 * 24 * 3600 });
const persistenceStore = new DynamoDBPersistenceLayer({ tableName: requireEnv(ENV.idempotencyTableName), awsSdkV3Client: dynamo });
const notifyOnce = makeIdempotent(async (message: NotifyMessage) => sendNotification(deps, message), {
  persistenceStore,
  config,
});

export const handler = sqsHandler(
  async (record) => {
    const message = parseBody<QueueMessage>(record);
    if (message.kind !== 'NOTIFY') throw new Error(`unexpected message kind ${message.kind} on the notification queue`);
    return notifyOnce(message);
  },
  (context) => config.registerLambdaContext(context),
);
