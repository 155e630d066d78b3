import { describe, expect, it } from 'vitest';
import { probeHealth, probeMetrics, type SesAccount } from '../../functions/use-cases/probe-health';

const account: SesAccount = { productionAccess: true, sendingEnabled: true, max24HourSend: 1000, sentLast24Hours: 850 };
const clock = () => {
  let t = 0;
  return () => (t += 40);
};

describe('the health probe (issue 20)', () => {
  it('reports a healthy stage, its latency and the SES quota used', async () => {
    const r = await probeHealth({ getHealth: async () => ({ status: 200 }), sesAccount: async () => account, now: clock() });
    expect(probeMetrics(r)).toEqual({
      HealthProbeFailed: 0,
      HealthProbeLatencyMs: 40,
      SesAccountUnreadable: 0,
      SesSandbox: 0,
      SesSendingPaused: 0,
      SesQuotaUsedPercent: 85,
    });
  });

  it('fails on a 503 or an unreachable route, and still reads SES', async () => {
    const degraded = await probeHealth({ getHealth: async () => ({ status: 503 }), sesAccount: async () => account, now: clock() });
    expect(degraded.health).toMatchObject({ ok: false, status: 503 });
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    const unreachable = await probeHealth({ getHealth: () => Promise.reject(timeout), sesAccount: async () => account, now: clock() });
    expect(unreachable.health).toMatchObject({ ok: false, error: 'TimeoutError' });
    expect(probeMetrics(unreachable)).toMatchObject({ HealthProbeFailed: 1, SesQuotaUsedPercent: 85 });
  });

  it('says so when SES cannot be read, and reports no SES figure it does not have', async () => {
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
    const r = await probeHealth({ getHealth: async () => ({ status: 200 }), sesAccount: () => Promise.reject(denied), now: clock() });
    expect(r.sesError).toBe('AccessDeniedException');
    expect(probeMetrics(r)).toEqual({ HealthProbeFailed: 0, HealthProbeLatencyMs: 40, SesAccountUnreadable: 1 });
  });

  it('flags the sandbox, a paused account, and a quota of zero as used up', async () => {
    const r = await probeHealth({
      getHealth: async () => ({ status: 200 }),
      sesAccount: async () => ({ productionAccess: false, sendingEnabled: false, max24HourSend: 0, sentLast24Hours: 0 }),
      now: clock(),
    });
    expect(probeMetrics(r)).toMatchObject({ SesSandbox: 1, SesSendingPaused: 1, SesQuotaUsedPercent: 100 });
  });
});
