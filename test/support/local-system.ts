import { type LocalOptions, startLocalSystem } from '../../local/runtime';
import { freePort } from './network';

/** The whole local system in this process, in memory, on free ports (benchmarks, fuzz, integration tests). */
export async function startLocalSystemOnFreePorts(opts: Partial<LocalOptions> = {}) {
  return startLocalSystem({
    port: await freePort(),
    dynamoPort: await freePort(),
    sqsPort: await freePort(),
    mailPort: await freePort(),
    cognitoPort: await freePort(),
    schedules: false,
    ...opts,
  });
}
