import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { MessageQueue, QueueMessage, QueueName } from '../core/ports';

export class SqsMessageQueue implements MessageQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly urls: Partial<Record<QueueName, string>>,
  ) {}

  async send(queue: QueueName, message: QueueMessage, dedupeId: string): Promise<void> {
    const url = this.urls[queue];
    if (!url) throw new Error(`no URL configured for queue ${queue}`);
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: JSON.stringify(message),
        MessageAttributes: { dedupeId: { DataType: 'String', StringValue: dedupeId } },
      }),
    );
  }
}
