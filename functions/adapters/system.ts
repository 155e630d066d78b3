import { randomBytes } from 'node:crypto';
import type { Clock, RandomSource } from '../core/ports';

/**
 * Wall-clock time. The local runtime's time travel (POST /_local/clock) sets an offset in
 * LOCAL_CLOCK_OFFSET_MS for the whole process; the stack never sets it (test/infra checks).
 */
export const LOCAL_CLOCK_OFFSET_ENV = 'LOCAL_CLOCK_OFFSET_MS';
export const systemClock: Clock = { now: () => new Date(Date.now() + Number(process.env[LOCAL_CLOCK_OFFSET_ENV] ?? 0)) };
export const cryptoRandom: RandomSource = { bytes: (n) => new Uint8Array(randomBytes(n)) };
