import { randomBytes } from 'node:crypto';
import type { Clock, RandomSource } from '../core/ports';

export const systemClock: Clock = { now: () => new Date() };
export const cryptoRandom: RandomSource = { bytes: (n) => new Uint8Array(randomBytes(n)) };
