import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { ENV, requireEnv } from '../../shared/env';
import { tracer } from '../../shared/powertools';
import { scheduleHandler } from '../../shared/schedule';
import { probeHealth, probeMetrics } from '../../use-cases/probe-health';

portsFor(NEEDS.ProbeHealth, {});
const healthUrl = requireEnv(ENV.healthUrl);
// SES v2: the only API that says whether the account is in the sandbox.
const ses = tracer.captureAWSv3Client(new SESv2Client({}));
/** Longer than any healthy answer, well inside the function's 30 s. */
const TIMEOUT_MS = 10_000;

/** Every 5 minutes: the public health route from outside, and the SES account (alarms in lib/constructs/operations.ts). */
export const handler = scheduleHandler(
  'health probe',
  () =>
    probeHealth({
      getHealth: async () => {
        const res = await fetch(healthUrl, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { 'user-agent': 'aduan-health-probe' } });
        await res.body?.cancel();
        return { status: res.status };
      },
      sesAccount: async () => {
        const a = await ses.send(new GetAccountCommand({}));
        return {
          productionAccess: a.ProductionAccessEnabled === true,
          sendingEnabled: a.SendingEnabled !== false,
          max24HourSend: a.SendQuota?.Max24HourSend ?? 0,
          sentLast24Hours: a.SendQuota?.SentLast24Hours ?? 0,
        };
      },
      now: () => Date.now(),
    }),
  probeMetrics,
);
