/**
 * What a function needs, declared once as a list of capabilities (functions/needs.ts): the stack
 * grants and binds each (lib/capabilities.ts), the environment contract is derived from it (here),
 * and a handler receives exactly the ports its list names (shared/ports.ts) — typed from the list,
 * so asking for a port the function did not declare does not compile.
 *
 * Pure data and types: the stack, the local runtime and every handler read this module.
 */
import type { WritableFamily } from './adapters/dynamodb-keys';
import type { QueueName } from './core/ports';
import { ENV, type EnvName } from './shared/env';
import type { Deps } from './use-cases/deps';

export type TableAccess = 'read' | 'readWrite' | 'readWriteDelete';

export type Capability =
  /** The complaints table: `readWriteDelete` only for what erases; `writesOnly` limits the item families it may write. */
  | { kind: 'table'; access: TableAccess; writesOnly?: readonly WritableFamily[] }
  /** The idempotency records of submissions. */
  | { kind: 'idempotency' }
  | { kind: 'sendsTo'; queue: QueueName }
  /** Reads a queue's attributes only (health). */
  | { kind: 'inspects'; queue: QueueName }
  /** Sends mail through SES, paced to its share of the account's rate; links open the portal. */
  | { kind: 'mail' }
  /** The domain of agencies' default addresses (keeping the directory without mailing). */
  | { kind: 'agencyDomain' }
  /** Verifies staff ID tokens itself (routes open to staff and reporters). */
  | { kind: 'staffTokens' }
  /** The stage's categories routed without verification. */
  | { kind: 'autoRouting' }
  /** The stage's clocks per category and agency, over the national defaults. */
  | { kind: 'deadlines' }
  /** The key that seals page cursors (read from its secret at cold start). */
  | { kind: 'cursors' }
  /** The stage's rule for illegal-levy indicators (service standards). */
  | { kind: 'standards' }
  /** The contact lookup's key (read from its secret at cold start). */
  | { kind: 'contacts' }
  /** Reporter identities (KMS): `seal` stores new ones and cannot read them; `open` reads them. */
  | { kind: 'identities'; mode: 'seal' | 'open' }
  /** The case-bundle key (asymmetric KMS): `sign` signs; `verify` reads its public key. */
  | { kind: 'bundleKey'; mode: 'sign' | 'verify' }
  /** The attachment bucket: `upload` presigns uploads, `check` cleans them, `download` presigns downloads. */
  | { kind: 'attachments'; access: 'upload' | 'check' | 'download' }
  /** Probes the stage from outside: the public health route and the SES account's quota and sandbox. */
  | { kind: 'probe' }
  /** The staff accounts of the user pool: `read` reads them (is this account enabled?); `manage` invites, disables and places them. */
  | { kind: 'staffAccounts'; access: 'read' | 'manage' };

export type CapabilityKind = Capability['kind'];

export const table = <A extends TableAccess>(access: A, writesOnly?: readonly WritableFamily[]) =>
  ({ kind: 'table', access, ...(writesOnly ? { writesOnly } : {}) }) as { kind: 'table'; access: A; writesOnly?: readonly WritableFamily[] };
export const idempotency = () => ({ kind: 'idempotency' }) as const;
export const sendsTo = <Q extends QueueName>(queue: Q) => ({ kind: 'sendsTo', queue }) as const;
export const inspects = <Q extends QueueName>(queue: Q) => ({ kind: 'inspects', queue }) as const;
export const mail = () => ({ kind: 'mail' }) as const;
export const agencyDomain = () => ({ kind: 'agencyDomain' }) as const;
export const staffTokens = () => ({ kind: 'staffTokens' }) as const;
export const autoRouting = () => ({ kind: 'autoRouting' }) as const;
export const deadlines = () => ({ kind: 'deadlines' }) as const;
export const cursors = () => ({ kind: 'cursors' }) as const;
export const standards = () => ({ kind: 'standards' }) as const;
export const contacts = () => ({ kind: 'contacts' }) as const;
export const identities = <M extends 'seal' | 'open'>(mode: M) => ({ kind: 'identities', mode }) as const;
export const bundleKey = <M extends 'sign' | 'verify'>(mode: M) => ({ kind: 'bundleKey', mode }) as const;
export const probe = () => ({ kind: 'probe' }) as const;
export const staffAccounts = <A extends 'read' | 'manage'>(access: A) => ({ kind: 'staffAccounts', access }) as const;
export const attachments = <A extends 'upload' | 'check' | 'download'>(access: A) => ({ kind: 'attachments', access }) as const;

/** The variable that names each queue's URL: one mapping for the stack, the env contract and the ports. */
export const QUEUE_URL: Record<QueueName, EnvName> = {
  routing: ENV.routingQueueUrl,
  notification: ENV.notificationQueueUrl,
  sweep: ENV.sweepQueueUrl,
  upload: ENV.uploadQueueUrl,
};

/** The environment variables each capability gives a function (values set by the stack or the local runtime). */
export function envNamesOfNeed(c: Capability): EnvName[] {
  switch (c.kind) {
    case 'table':
      return [ENV.tableName];
    case 'idempotency':
      return [ENV.idempotencyTableName];
    case 'sendsTo':
    case 'inspects':
      return [QUEUE_URL[c.queue]];
    case 'mail':
      return [ENV.mailFrom, ENV.mailSendsPerSecond, ENV.agencyEmailDomain, ENV.portalUrl];
    case 'agencyDomain':
      return [ENV.agencyEmailDomain];
    case 'staffTokens':
      return [ENV.userPoolId, ENV.userPoolClientId, ENV.jwtIssuer];
    case 'autoRouting':
      return [ENV.autoRouteCategories];
    case 'deadlines':
      return [ENV.clockOverrides];
    case 'cursors':
      return [ENV.cursorKeySecretArn];
    case 'standards':
      return [ENV.illegalLevyToOmbudsman];
    case 'contacts':
      return [ENV.contactKeySecretArn];
    case 'identities':
      return [ENV.identityKeyId];
    case 'bundleKey':
      return [ENV.bundleKeyId];
    case 'attachments':
      return c.access === 'check' ? [ENV.attachmentBucket, ENV.attachmentMalwareScan] : [ENV.attachmentBucket];
    case 'probe':
      return [ENV.healthUrl];
    case 'staffAccounts':
      return [ENV.userPoolId];
  }
}

/** Every variable of a list of needs, each once, in a stable order. */
export const envNamesOfNeeds = (needs: readonly Capability[]): EnvName[] => [...new Set(needs.flatMap(envNamesOfNeed))];

/** Nothing more: the capability shapes how a port is built, or the handler uses it itself. */
type NoPort = Record<never, never>;

/** The ports each capability brings. */
interface PortsByKind {
  table: Pick<Deps, 'store' | 'services' | 'clientKeys' | 'directory' | 'digests' | 'chainHeads' | 'calendarStore' | 'calendar' | 'staffRecords' | 'readiness'>;
  idempotency: NoPort;
  sendsTo: Pick<Deps, 'queue'>;
  inspects: NoPort;
  mail: Pick<Deps, 'mailer' | 'portalUrl' | 'agencyEmailDomain'>;
  agencyDomain: Pick<Deps, 'agencyEmailDomain'>;
  staffTokens: NoPort;
  autoRouting: Pick<Deps, 'autoRoutedCategories'>;
  deadlines: Pick<Deps, 'policyFor'>;
  cursors: Pick<Deps, 'cursors'>;
  standards: Pick<Deps, 'illegalLevyToOmbudsman'>;
  contacts: Pick<Deps, 'contacts'>;
  identities: NoPort;
  bundleKey: NoPort;
  attachments: NoPort;
  probe: NoPort;
  staffAccounts: Pick<Deps, 'staffAccounts'>;
}

/** What every function has: time, randomness and the logger. */
export type BasePorts = Pick<Deps, 'clock' | 'random' | 'logger'>;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The ports a function with these needs receives — and no others. */
export type PortsOf<C extends readonly Capability[]> = BasePorts & Intersection<PortsByKind[C[number]['kind']]>;

/** Whether a list of needs holds a capability of this kind. */
export type Declares<C extends readonly Capability[], K extends CapabilityKind> = Extract<C[number], { kind: K }> extends never ? false : true;
