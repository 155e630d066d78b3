/**
 * The stage seen from outside, every few minutes: no traffic is not health. The public health
 * route is asked the way people reach it (through CloudFront and the firewall), and the SES
 * account is read for what stops mail before any mail fails: the sandbox, a pause, the quota.
 */

/** What SES says about the account's sending. */
export interface SesAccount {
  /** False in the SES sandbox: mail reaches verified addresses only. */
  productionAccess: boolean;
  /** False when AWS paused the account's sending. */
  sendingEnabled: boolean;
  max24HourSend: number;
  sentLast24Hours: number;
}

export interface ProbePorts {
  /** GETs the public health route; rejects when it cannot be reached in time. */
  getHealth(): Promise<{ status: number }>;
  sesAccount(): Promise<SesAccount>;
  /** Milliseconds, for the latency. */
  now(): number;
}

export interface ProbeResult {
  health: { ok: boolean; status?: number; error?: string; latencyMs: number };
  ses?: SesAccount;
  sesError?: string;
}

const nameOf = (error: unknown) => (error instanceof Error ? error.name : 'Error');

export async function probeHealth(ports: ProbePorts): Promise<ProbeResult> {
  const started = ports.now();
  const [health, ses] = await Promise.allSettled([ports.getHealth(), ports.sesAccount()]);
  const latencyMs = Math.max(0, ports.now() - started);
  return {
    health:
      health.status === 'fulfilled'
        ? { ok: health.value.status === 200, status: health.value.status, latencyMs }
        : { ok: false, error: nameOf(health.reason), latencyMs },
    ...(ses.status === 'fulfilled' ? { ses: ses.value } : { sesError: nameOf(ses.reason) }),
  };
}

/** The figures the alarms watch (lib/constructs/operations.ts); an unread SES account reports only that. */
export function probeMetrics(r: ProbeResult): Record<string, number> {
  return {
    HealthProbeFailed: r.health.ok ? 0 : 1,
    HealthProbeLatencyMs: r.health.latencyMs,
    SesAccountUnreadable: r.ses ? 0 : 1,
    ...(r.ses
      ? {
          SesSandbox: r.ses.productionAccess ? 0 : 1,
          SesSendingPaused: r.ses.sendingEnabled ? 0 : 1,
          SesQuotaUsedPercent: r.ses.max24HourSend > 0 ? Math.round((100 * r.ses.sentLast24Hours) / r.ses.max24HourSend) : 100,
        }
      : {}),
  };
}
