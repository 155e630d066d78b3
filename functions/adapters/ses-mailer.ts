import { type SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { RenderedEmail } from '../core/emails/agency-assignment';
import type { Mailer } from '../core/ports';

/**
 * Sends through SES, paced: this instance's sends are spaced so that it stays within its share of
 * the account's SES rate (the stack divides the rate among every instance that can send at once);
 * a burst then waits a little here instead of being throttled into the dead-letter queue.
 */
export class SesMailer implements Mailer {
  private nextSlot = 0;

  constructor(
    private readonly client: SESClient,
    private readonly from: string,
    private readonly sendsPerSecond?: number,
    private readonly configurationSet?: string,
  ) {}

  private async pace() {
    if (!this.sendsPerSecond) return;
    const now = Date.now();
    const wait = this.nextSlot - now;
    this.nextSlot = Math.max(now, this.nextSlot) + 1000 / this.sendsPerSecond;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  async send(to: string, email: RenderedEmail): Promise<{ messageId: string }> {
    await this.pace();
    const res = await this.client.send(
      new SendEmailCommand({
        Source: this.from,
        Destination: { ToAddresses: [to] },
        Message: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
      }),
    );
    if (!res.MessageId) throw new Error('SES returned no MessageId');
    return { messageId: res.MessageId };
  }
}
