import { type SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { RenderedEmail } from '../core/emails/agency-assignment';
import type { Mailer } from '../core/ports';

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESClient,
    private readonly from: string,
    private readonly configurationSet?: string,
  ) {}

  async send(to: string, email: RenderedEmail): Promise<{ messageId: string }> {
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
