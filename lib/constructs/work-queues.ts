import { Duration, Stack } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { QUEUES, type QueueId, type Trigger, visibilityTimeoutSeconds } from '../wiring';

/** Each work queue with its dead-letter queue, from the wiring declaration. */
export class WorkQueues extends Construct {
  readonly queues = new Map<QueueId, { queue: Queue; dlq: Queue }>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const spec of Object.values(QUEUES)) {
      const dlq = new Queue(Stack.of(this), `${spec.constructId}Dlq`, {
        retentionPeriod: Duration.days(spec.dlqRetentionDays),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      });
      const queue = new Queue(Stack.of(this), spec.constructId, {
        visibilityTimeout: Duration.seconds(visibilityTimeoutSeconds(spec.id)),
        retentionPeriod: Duration.days(4),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        deadLetterQueue: { queue: dlq, maxReceiveCount: spec.maxReceiveCount },
      });
      this.queues.set(spec.id, { queue, dlq });
    }
  }

  private get(id: QueueId) {
    const q = this.queues.get(id);
    if (!q) throw new Error(`unknown queue ${id}`);
    return q;
  }

  bindSender(fn: LambdaFunction, id: QueueId) {
    const { queue } = this.get(id);
    queue.grantSendMessages(fn);
    fn.addEnvironment(QUEUES[id].urlEnv, queue.queueUrl);
  }

  bindInspector(fn: LambdaFunction, id: QueueId) {
    const { queue } = this.get(id);
    queue.grant(fn, 'sqs:GetQueueAttributes');
    fn.addEnvironment(QUEUES[id].urlEnv, queue.queueUrl);
  }

  bindConsumer(fn: LambdaFunction, trigger: Extract<Trigger, { kind: 'queue' }>) {
    fn.addEventSource(
      new SqsEventSource(this.get(trigger.queue).queue, {
        batchSize: trigger.batchSize,
        maxBatchingWindow: Duration.seconds(trigger.maxBatchingWindowSeconds),
        reportBatchItemFailures: true,
        ...(trigger.maxConcurrency ? { maxConcurrency: trigger.maxConcurrency } : {}),
      }),
    );
  }
}
