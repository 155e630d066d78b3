/**
 * The one description of the system's functions: entry file, trigger and what each needs.
 * The CDK stack (lib/aduan-stack.ts) and the local runtime (local/) are both built from it,
 * and test/infra holds the synthesized template against it. The declarations live by area in
 * lib/functions/; their shape and the queues in lib/function-spec.ts.
 */
import { ENV, type EnvName } from '../functions/shared/env';
import { type FunctionSpec, QUEUES, type QueueId, VISIBILITY_TIMEOUT_FACTOR } from './function-spec';
import { COMPLAINT_FUNCTIONS } from './functions/public-api';
import { RECORD_FUNCTIONS } from './functions/records';
import { SERVICE_FUNCTIONS } from './functions/services';
import { WORKER_FUNCTIONS } from './functions/workers';

export * from './function-spec';

export const FUNCTIONS: readonly FunctionSpec[] = [...COMPLAINT_FUNCTIONS, ...SERVICE_FUNCTIONS, ...RECORD_FUNCTIONS, ...WORKER_FUNCTIONS];

/** How many instances of a function can run at once, as far as the stack bounds it (unbounded: undefined). */
export function concurrencyOf(f: FunctionSpec): number | undefined {
  if (f.trigger.kind === 'queue') return f.trigger.maxConcurrency;
  // A schedule runs one instance at a time (EventBridge Scheduler invokes it once per tick).
  if (f.trigger.kind === 'schedule') return 1;
  return undefined;
}

/**
 * Each mail-sending instance's share of the account's SES rate: the rate divided among every
 * instance that can send at once. Every sender must be bounded, or no share would be safe.
 */
export function mailShare(sesMaxSendRate: number): number {
  const senders = FUNCTIONS.filter((f) => f.sendsEmail).map((f) => {
    const n = concurrencyOf(f);
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
  const names: EnvName[] = [ENV.stage];
  if (f.table !== 'none') names.push(ENV.tableName);
  if (f.idempotencyTable) names.push(ENV.idempotencyTableName);
  for (const q of new Set([...(f.sendsTo ?? []), ...(f.inspects ?? [])])) names.push(QUEUES[q].urlEnv);
  if (f.sendsEmail) names.push(ENV.mailFrom, ENV.mailSendsPerSecond, ENV.agencyEmailDomain, ENV.portalUrl);
  if (f.verifiesStaffTokens) names.push(ENV.userPoolId, ENV.userPoolClientId, ENV.jwtIssuer);
  if (f.routes) names.push(ENV.autoRouteCategories);
  if (f.computesDeadlines) names.push(ENV.clockOverrides);
  if (f.pagesWithCursors) names.push(ENV.cursorKeySecretArn);
  if (f.judgesServiceStandards) names.push(ENV.illegalLevyToOmbudsman);
  if (f.signsBundles) names.push(ENV.bundleKeyId);
  if (f.identities) names.push(ENV.identityKeyId);
  if (f.looksUpContacts) names.push(ENV.contactKeySecretArn);
  if (f.keepsDirectory && !f.sendsEmail) names.push(ENV.agencyEmailDomain);
  if (f.attachments) names.push(ENV.attachmentBucket);
  if (f.attachments === 'check') names.push(ENV.attachmentMalwareScan);
  return names;
}
