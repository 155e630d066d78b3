/** The shape of a function's declaration (lib/wiring.ts), and the queues functions use. */

import type { WritableFamily } from '../functions/adapters/dynamodb-keys';
import type { ApiRoute } from '../functions/contract/api-routes';
import type { QueueName } from '../functions/core/ports';
import { ENV, type EnvName } from '../functions/shared/env';

/**
 * The queues: the work queues our code sends to (one name everywhere: see core/ports.ts), and
 * `upload`, which only AWS sends to (S3's notices of new uploads, GuardDuty's scan verdicts).
 */
export type QueueId = QueueName | 'upload';

export type Trigger =
  | (ApiRoute & {
      kind: 'http';
      /**
       * This route's own bucket at the gateway (requests per second, burst), so that a flood on
       * one public route cannot take the capacity of the others, staff routes included.
       */
      throttle: { ratePerSecond: number; burst: number };
    })
  | {
      kind: 'queue';
      queue: QueueId;
      batchSize: number;
      maxBatchingWindowSeconds: number;
      /** At most this many instances at once (Lambda's minimum is 2): what keeps a burst of mail within SES's rate. */
      maxConcurrency?: number;
    }
  | { kind: 'schedule'; name: string; everyMinutes: number };

export type TableAccess = 'read' | 'readWrite' | 'readWriteDelete';

export interface FunctionSpec {
  /** PascalCase construct id; also the local name. */
  id: string;
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  trigger: Trigger;
  /** readWrite: read, put and update (audit entries, changes); readWriteDelete: also delete (erasure). */
  table: 'none' | TableAccess;
  /**
   * The only item families it may write (IAM leading-key condition): for functions that face the
   * public or parse attackers' bytes, so a flaw in one cannot rewrite the calendar, the directory,
   * the catalogue or client keys. Unset: any item of the table.
   */
  writesOnly?: readonly WritableFamily[];
  idempotencyTable?: boolean;
  sendsTo?: QueueId[];
  /** Reads queue attributes only (health checks). */
  inspects?: QueueId[];
  sendsEmail?: boolean;
  /** Gets the Cognito verification contract (pool, client, issuer). */
  verifiesStaffTokens?: boolean;
  /** Gets the stage's routing settings (categories routed without verification). */
  routes?: boolean;
  /** Gets the stage's clock overrides per category and agency. */
  computesDeadlines?: boolean;
  /** Judges complaints against service standards: gets the stage's rule for illegal-levy indicators. */
  judgesServiceStandards?: boolean;
  /** The case-bundle key (asymmetric KMS): `sign` exports bundles; `verify` reads its public key. */
  signsBundles?: 'sign' | 'verify';
  /** Gets the key that seals page cursors. */
  pagesWithCursors?: boolean;
  /**
   * What it may do with reporter identities (KMS): `seal` stores new ones and cannot read them;
   * `open` reads them. Every other function can do neither.
   */
  identities?: 'seal' | 'open';
  /** Gets the key of the contact lookup (finding one person's complaints by email or phone). */
  looksUpContacts?: boolean;
  /**
   * What it does in the attachment bucket: `upload` presigns uploads to `incoming/`; `check` reads
   * them and writes the cleaned copies; `download` presigns downloads of the cleaned copies.
   */
  attachments?: 'upload' | 'check' | 'download';
  /** Keeps the agency directory: gets the domain of agencies' default addresses. */
  keepsDirectory?: boolean;
  /** Packages with native code, installed into the function's asset for Lambda's platform (not bundled). */
  nativeModules?: readonly 'sharp'[];
}

export interface QueueSpec {
  id: QueueId;
  /** Construct id of the queue; its DLQ is `${constructId}Dlq`. */
  constructId: string;
  urlEnv: EnvName;
  maxReceiveCount: number;
  dlqRetentionDays: number;
}

export const QUEUES: Record<QueueId, QueueSpec> = {
  routing: { id: 'routing', constructId: 'RoutingQueue', urlEnv: ENV.routingQueueUrl, maxReceiveCount: 5, dlqRetentionDays: 14 },
  notification: { id: 'notification', constructId: 'NotificationQueue', urlEnv: ENV.notificationQueueUrl, maxReceiveCount: 5, dlqRetentionDays: 14 },
  sweep: { id: 'sweep', constructId: 'SweepQueue', urlEnv: ENV.sweepQueueUrl, maxReceiveCount: 5, dlqRetentionDays: 14 },
  upload: { id: 'upload', constructId: 'UploadQueue', urlEnv: ENV.uploadQueueUrl, maxReceiveCount: 5, dlqRetentionDays: 14 },
};

/** AWS's advice: a queue's visibility timeout is at least six times its consumer's timeout. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;
