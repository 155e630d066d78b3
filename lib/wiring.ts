/**
 * The one description of the system's functions: entry file, trigger and what each needs.
 * The CDK stack (lib/aduan-stack.ts) and the local runtime (local/) are both built from it,
 * and test/infra holds the synthesized template against it. The declarations live by area in
 * lib/functions/; their shape and the queues in lib/function-spec.ts.
 */
import { envNamesOfNeeds } from '../functions/capabilities';
import { ENV, type EnvName } from '../functions/shared/env';
import { type FunctionSpec, type QueueId, VISIBILITY_TIMEOUT_FACTOR } from './function-spec';
import { OVERSIGHT_FUNCTIONS } from './functions/oversight';
import { COMPLAINT_FUNCTIONS } from './functions/public-api';
import { RECORD_FUNCTIONS } from './functions/records';
import { SERVICE_FUNCTIONS } from './functions/services';
import { STAFF_FUNCTIONS } from './functions/staff';
import { WORKER_FUNCTIONS } from './functions/workers';

export * from './function-spec';

export const FUNCTIONS: readonly FunctionSpec[] = [
  ...COMPLAINT_FUNCTIONS,
  ...SERVICE_FUNCTIONS,
  ...RECORD_FUNCTIONS,
  ...STAFF_FUNCTIONS,
  ...OVERSIGHT_FUNCTIONS,
  ...WORKER_FUNCTIONS,
];

/** How many instances of a function can run at once, as far as the stack bounds it (unbounded: undefined). */
export function concurrencyOf(f: FunctionSpec): number | undefined {
  if (f.trigger.kind === 'queue') return f.trigger.maxConcurrency;
  // A schedule runs one instance at a time (EventBridge Scheduler invokes it once per tick).
  if (f.trigger.kind === 'schedule') return 1;
  return undefined;
}

/**
 * How many mails a sender can have in flight at once, for dividing SES's rate: a queue worker or
 * schedule its instances; a staff route (one mail per request) the rate its gateway bucket lets
 * through. Every sender must be bounded, or no share would be safe.
 */
function mailSendersOf(f: FunctionSpec): number | undefined {
  if (f.trigger.kind === 'http') return Math.ceil(f.trigger.throttle.ratePerSecond);
  return concurrencyOf(f);
}

/** Each mail-sending instance's share of the account's SES rate: the rate divided among every sender that can send at once. */
export function mailShare(sesMaxSendRate: number): number {
  const senders = FUNCTIONS.filter((f) => f.needs.some((n) => n.kind === 'mail')).map((f) => {
    const n = mailSendersOf(f);
    if (n === undefined) throw new Error(`${f.id} sends email but its concurrency is unbounded`);
    return n;
  });
  return sesMaxSendRate / senders.reduce((a, b) => a + b, 0);
}

export function consumerOf(queue: QueueId): FunctionSpec {
  const f = FUNCTIONS.find((fn) => fn.trigger.kind === 'queue' && fn.trigger.queue === queue);
  if (!f) throw new Error(`no consumer for queue ${queue}`);
  return f;
}

export const visibilityTimeoutSeconds = (queue: QueueId) => consumerOf(queue).timeoutSeconds * VISIBILITY_TIMEOUT_FACTOR;

/** The environment variables a function receives, by name (values are resolved by the stack or the local runtime). */
export function envNamesOf(f: FunctionSpec): EnvName[] {
  return [ENV.stage, ...envNamesOfNeeds(f.needs)];
}
