/**
 * The stack's side of each capability (functions/capabilities.ts): what it grants and which
 * environment variables it sets, bound in one place. The stack binds every need a function
 * declares, and nothing else.
 */
import { Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Capability } from '../functions/capabilities';
import { ENV } from '../functions/shared/env';
import type { StageConfig } from './config';
import type { AgencyMailer } from './constructs/agency-mailer';
import type { AttachmentStore } from './constructs/attachment-store';
import type { BundleKey } from './constructs/bundle-key';
import type { ComplaintTables } from './constructs/complaint-table';
import type { GeneratedSecret } from './constructs/generated-secret';
import type { IdentityKey } from './constructs/identity-key';
import type { StaffAccounts } from './constructs/staff-accounts';
import type { WorkQueues } from './constructs/work-queues';

/** The stack's resources a capability may bind. */
export interface Bindable {
  config: StageConfig;
  tables: ComplaintTables;
  queues: WorkQueues;
  mailer: AgencyMailer;
  staff: StaffAccounts;
  cursorKey: GeneratedSecret;
  contactKey: GeneratedSecret;
  identityKey: IdentityKey;
  bundleKey: BundleKey;
  attachments: AttachmentStore;
  /** The public health route as people reach it (the portal's address, through CloudFront). */
  healthUrl: string;
}

type Binder<K extends Capability['kind']> = (fn: LambdaFunction, need: Extract<Capability, { kind: K }>, r: Bindable) => void;

/** Each capability's grant and variables, by kind (a new kind without a binder does not compile). */
const BINDERS: { [K in Capability['kind']]: Binder<K> } = {
  table: (fn, need, r) => r.tables.bindTable(fn, need.access, need.writesOnly),
  idempotency: (fn, _need, r) => r.tables.bindIdempotency(fn),
  sendsTo: (fn, need, r) => r.queues.bindSender(fn, need.queue),
  inspects: (fn, need, r) => r.queues.bindInspector(fn, need.queue),
  mail: (fn, _need, r) => r.mailer.bindSender(fn),
  agencyDomain: (fn, _need, r) => fn.addEnvironment(ENV.agencyEmailDomain, r.config.agencyEmailDomain),
  staffTokens: (fn, _need, r) => r.staff.bindVerifier(fn),
  autoRouting: (fn, _need, r) => fn.addEnvironment(ENV.autoRouteCategories, r.config.autoRoutedCategories.join(',')),
  deadlines: (fn, _need, r) => fn.addEnvironment(ENV.clockOverrides, JSON.stringify(r.config.clockOverrides)),
  cursors: (fn, _need, r) => r.cursorKey.bind(fn),
  standards: (fn, _need, r) => fn.addEnvironment(ENV.illegalLevyToOmbudsman, String(r.config.illegalLevyToOmbudsman)),
  contacts: (fn, _need, r) => r.contactKey.bind(fn),
  identities: (fn, need, r) => r.identityKey.bind(fn, need.mode),
  bundleKey: (fn, need, r) => r.bundleKey.bind(fn, need.mode),
  attachments: (fn, need, r) => r.attachments.bind(fn, need.access),
  staffAccounts: (fn, need, r) => r.staff.bindAdministration(fn, need.access),
  probe: (fn, _need, r) => {
    fn.addEnvironment(ENV.healthUrl, r.healthUrl);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }));
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: "ses:GetAccount reads the account's quota: it has no resource-level permission.",
    });
  },
};

/** Grants one capability to a function and sets the variables it needs. */
export function bindNeed(need: Capability, fn: LambdaFunction, r: Bindable): void {
  (BINDERS[need.kind] as Binder<typeof need.kind>)(fn, need as never, r);
}
