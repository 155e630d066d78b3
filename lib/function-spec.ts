/** The shape of a function's declaration (lib/wiring.ts), and the queues functions use. */

import { type Capability, QUEUE_URL } from '../functions/capabilities';
import type { ApiRoute } from '../functions/contract/api-route';
import type { QueueName } from '../functions/core/ports';
import type { EnvName } from '../functions/shared/env';

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

export interface FunctionSpec {
  /** PascalCase construct id; also the local name. */
  id: string;
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  trigger: Trigger;
  /** What it needs (functions/needs.ts): the stack grants and binds exactly these, its handler gets exactly their ports. */
  needs: readonly Capability[];
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
  routing: { id: 'routing', constructId: 'RoutingQueue', urlEnv: QUEUE_URL.routing, maxReceiveCount: 5, dlqRetentionDays: 14 },
  notification: { id: 'notification', constructId: 'NotificationQueue', urlEnv: QUEUE_URL.notification, maxReceiveCount: 5, dlqRetentionDays: 14 },
  sweep: { id: 'sweep', constructId: 'SweepQueue', urlEnv: QUEUE_URL.sweep, maxReceiveCount: 5, dlqRetentionDays: 14 },
  upload: { id: 'upload', constructId: 'UploadQueue', urlEnv: QUEUE_URL.upload, maxReceiveCount: 5, dlqRetentionDays: 14 },
};

/** AWS's advice: a queue's visibility timeout is at least six times its consumer's timeout. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;
