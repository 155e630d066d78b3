/** The environment contract between the stack (and the local runtime) and the functions. */
export const ENV = {
  stage: 'STAGE',
  tableName: 'TABLE_NAME',
  idempotencyTableName: 'IDEMPOTENCY_TABLE_NAME',
  routingQueueUrl: 'ROUTING_QUEUE_URL',
  notificationQueueUrl: 'NOTIFICATION_QUEUE_URL',
  sweepQueueUrl: 'SWEEP_QUEUE_URL',
  mailFrom: 'MAIL_FROM',
  /** This function's share of the account's SES send rate (per second, per instance). */
  mailSendsPerSecond: 'MAIL_SENDS_PER_SECOND',
  agencyEmailDomain: 'AGENCY_EMAIL_DOMAIN',
  portalUrl: 'PORTAL_URL',
  userPoolId: 'USER_POOL_ID',
  userPoolClientId: 'USER_POOL_CLIENT_ID',
  jwtIssuer: 'JWT_ISSUER',
  autoRouteCategories: 'AUTO_ROUTE_CATEGORIES',
  clockOverrides: 'CLOCK_OVERRIDES',
  /** The Secrets Manager secret (ARN) holding the HMAC key that seals page cursors: the key itself is read at cold start. */
  cursorKeySecretArn: 'CURSOR_KEY_SECRET_ARN',
  identityKeyId: 'IDENTITY_KEY_ID',
  /** The Secrets Manager secret (ARN) holding the contact lookup's HMAC key. */
  contactKeySecretArn: 'CONTACT_KEY_SECRET_ARN',
  illegalLevyToOmbudsman: 'ILLEGAL_LEVY_TO_OMBUDSMAN',
  bundleKeyId: 'BUNDLE_KEY_ID',
  attachmentBucket: 'ATTACHMENT_BUCKET',
  uploadQueueUrl: 'UPLOAD_QUEUE_URL',
  /** `true` where a malware scanner (GuardDuty) reports on stored attachments: they wait for its verdict. */
  attachmentMalwareScan: 'ATTACHMENT_MALWARE_SCAN',
  /** The public health route, as people reach it (through CloudFront and the firewall): the probe's target. */
  healthUrl: 'HEALTH_URL',
} as const;
export type EnvName = (typeof ENV)[keyof typeof ENV];

/** Reads a variable the function cannot work without; fails at cold start, not mid-request. */
export function requireEnv(name: EnvName): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}
export const optionalEnv = (name: EnvName): string | undefined => process.env[name] || undefined;
