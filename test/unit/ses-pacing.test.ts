/** The SES mailer paces its sends to its share of the account's rate (issue 13), on a fake clock. */
import type { SESClient } from '@aws-sdk/client-ses';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SesMailer } from '../../functions/adapters/ses-mailer';

afterEach(() => vi.useRealTimers());

describe('SES pacing', () => {
  it('spaces a burst at its share of the rate, and does not wait when sends are already apart', async () => {
    vi.useFakeTimers({ now: 0 });
    const sentAt: number[] = [];
    const send = async () => {
      sentAt.push(Date.now());
      return { MessageId: String(sentAt.length) };
    };
    const client = { send } as unknown as SESClient;
    const mailer = new SesMailer(client, 'no-reply@lapor.contoh.go.id', 4);
    const email = { subject: 's', text: 't', html: '<p>t</p>' };
    const burst = Promise.all([1, 2, 3].map((i) => mailer.send(`a${i}@contoh.go.id`, email)));
    await vi.runAllTimersAsync();
    await burst;
    expect(sentAt).toEqual([0, 250, 500]);
    vi.setSystemTime(10_000);
    await mailer.send('later@contoh.go.id', email);
    expect(sentAt.at(-1)).toBe(10_000);
  });
});
