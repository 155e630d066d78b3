/** Event sources and schedules, driven from the synthesized template like Lambda's pollers. */
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { localNow } from './clock';
import type { RunningS3 } from './emulators';
import type { LocalFunction } from './lambda';
import { type LocalResources, resolveValue } from './resources';
import { resourcesOfType, type Template } from './template';

/**
 * What S3 does with the stack's bucket notifications (Custom::S3BucketNotifications): a new
 * object whose key matches a queue configuration's prefix is told to that queue, in S3's format.
 */
export function forwardBucketNotifications(s3: RunningS3, template: Template, resources: LocalResources, sqs: SQSClient, onError: (e: unknown) => void) {
  type QueueConfig = { QueueArn: unknown; Events: string[]; Filter?: { Key?: { FilterRules?: { Name: string; Value: string }[] } } };
  const targets = resourcesOfType(template, 'Custom::S3BucketNotifications').flatMap(([, r]) => {
    const p = r.Properties as { BucketName: unknown; NotificationConfiguration: { QueueConfigurations?: QueueConfig[] } };
    const bucket = resolveValue(p.BucketName, resources);
    return (p.NotificationConfiguration.QueueConfigurations ?? []).map((q) => {
      const arn = resolveValue(q.QueueArn, resources);
      const queue = resources.queues.find((x) => x.arn === arn);
      if (!queue) throw new Error(`bucket notification to unknown queue ${arn}`);
      const prefix = q.Filter?.Key?.FilterRules?.find((f) => f.Name.toLowerCase() === 'prefix')?.Value ?? '';
      return { bucket, prefix, url: queue.url, createdOnly: q.Events.every((e) => e.startsWith('s3:ObjectCreated:')) };
    });
  });
  s3.onObjectCreated((record) => {
    for (const t of targets.filter((x) => x.bucket === record.bucket && record.key.startsWith(x.prefix) && x.createdOnly)) {
      const body = {
        Records: [
          {
            eventSource: 'aws:s3',
            eventName: record.eventName,
            s3: { bucket: { name: record.bucket }, object: { key: encodeURIComponent(record.key).replace(/%2F/g, '/') } },
          },
        ],
      };
      sqs.send(new SendMessageCommand({ QueueUrl: t.url, MessageBody: JSON.stringify(body) })).catch(onError);
    }
  });
}

export interface QueuePollerOptions {
  sqs: SQSClient;
  queueUrl: string;
  queueArn: string;
  fn: LocalFunction;
  batchSize: number;
  reportBatchItemFailures: boolean;
  region: string;
  /** Seconds before a failed message is visible again (Lambda waits for the visibility timeout; locally shorter). */
  retryDelaySeconds: number;
  onError: (e: unknown) => void;
}

function toRecord(m: Message, queueArn: string, region: string): SQSRecord {
  const attrs = (m.Attributes ?? {}) as Record<string, string>;
  return {
    messageId: m.MessageId as string,
    receiptHandle: m.ReceiptHandle as string,
    body: m.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attrs.ApproximateReceiveCount ?? '1',
      SentTimestamp: attrs.SentTimestamp ?? String(Date.now()),
      SenderId: attrs.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: attrs.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => [
        k,
        { dataType: v.DataType as string, stringValue: v.StringValue, stringListValues: [], binaryListValues: [] },
      ]),
    ),
    md5OfBody: m.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

/** Receives batches, invokes the consumer, deletes what succeeded and releases what failed. */
export function startQueuePoller(o: QueuePollerOptions) {
  let running = true;
  let idle: Promise<void> = Promise.resolve();
  const loop = async () => {
    while (running) {
      try {
        const res = await o.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: o.queueUrl,
            MaxNumberOfMessages: o.batchSize,
            WaitTimeSeconds: 1,
            AttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
        );
        const messages = res.Messages ?? [];
        if (!messages.length || !running) continue;
        const event: SQSEvent = { Records: messages.map((m) => toRecord(m, o.queueArn, o.region)) };
        let failed: Set<string>;
        try {
          const out = (await o.fn.invoke(event)) as SQSBatchResponse | undefined;
          failed = new Set(o.reportBatchItemFailures ? (out?.batchItemFailures ?? []).map((f) => f.itemIdentifier) : []);
        } catch (error) {
          o.onError(error);
          failed = new Set(messages.map((m) => m.MessageId as string));
        }
        if (failed.size) o.onError(new Error(`${o.fn.spec.id}: ${failed.size} of ${messages.length} messages failed; they will be retried`));
        const done = messages.filter((m) => !failed.has(m.MessageId as string));
        if (done.length) {
          await o.sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: o.queueUrl,
              Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle as string })),
            }),
          );
        }
        for (const m of messages.filter((x) => failed.has(x.MessageId as string))) {
          await o.sqs.send(
            new ChangeMessageVisibilityCommand({ QueueUrl: o.queueUrl, ReceiptHandle: m.ReceiptHandle as string, VisibilityTimeout: o.retryDelaySeconds }),
          );
        }
      } catch (error) {
        if (running) {
          o.onError(error);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    }
  };
  idle = loop();
  return {
    stop: async () => {
      running = false;
      await idle;
    },
  };
}

/** `rate(1 minute)`, `rate(5 minutes)`, `rate(2 hours)` → milliseconds. */
function rateToMs(expression: string): number {
  const m = expression.match(/^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/);
  if (!m) throw new Error(`unsupported schedule expression ${expression}`);
  const unit = { minute: 60_000, minutes: 60_000, hour: 3_600_000, hours: 3_600_000, day: 86_400_000, days: 86_400_000 }[m[2] as string] as number;
  return Number(m[1]) * unit;
}

export class LocalScheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<unknown>>();
  readonly schedules = new Map<string, { fn: LocalFunction; expression: string; lastRun?: string; lastResult?: unknown }>();

  constructor(private readonly onError: (e: unknown) => void) {}

  add(name: string, fn: LocalFunction, expression: string) {
    this.schedules.set(name, { fn, expression });
    // A timer tick while the previous run is still going is skipped.
    this.timers.push(setInterval(() => (this.running.has(name) ? undefined : void this.run(name).catch(this.onError)), rateToMs(expression)));
  }

  /**
   * Runs a schedule now. Like EventBridge Scheduler, nothing stops two runs from overlapping:
   * the functions must (and do) cope.
   */
  async run(name: string): Promise<unknown> {
    const s = this.schedules.get(name);
    if (!s) throw new Error(`no schedule ${name}`);
    const p = s.fn
      .invoke({ source: 'aws.scheduler', 'detail-type': 'Scheduled Event', time: localNow().toISOString(), detail: {} })
      .then((r) => {
        s.lastRun = new Date().toISOString();
        s.lastResult = r;
        return r;
      })
      .finally(() => {
        if (this.running.get(name) === p) this.running.delete(name);
      });
    this.running.set(name, p);
    return p;
  }

  async stop() {
    for (const t of this.timers) clearInterval(t);
    await Promise.allSettled([...this.running.values()]);
  }
}
