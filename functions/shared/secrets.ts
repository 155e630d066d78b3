import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ENV, optionalEnv } from './env';
import { tracer } from './powertools';

/** The HMAC keys a function uses, as its configuration names them. */
export interface HmacKeys {
  /** Seals page cursors. */
  cursor?: string;
  /** Makes contact lookups (one person's complaints without their contact in clear). */
  contactLookup?: string;
}

/** A key is kept for the life of the execution environment: a rotation reaches new environments. */
const KEEP_SECONDS = 24 * 60 * 60;

/**
 * Reads the HMAC keys from Secrets Manager (Powertools Parameters, cached), once per cold start,
 * in the functions that use them only (imported by their handlers, so no other bundle carries the
 * client). The stack hands a function the secret's ARN, never its value, so
 * `lambda:GetFunctionConfiguration` reveals no key.
 */
export async function hmacKeys(): Promise<HmacKeys> {
  const secrets = new SecretsProvider({ awsSdkV3Client: tracer.captureAWSv3Client(new SecretsManagerClient({})) });
  const read = async (name: typeof ENV.cursorKeySecretArn | typeof ENV.contactKeySecretArn) => {
    const arn = optionalEnv(name);
    if (!arn) return undefined;
    const value = await secrets.get(arn, { maxAge: KEEP_SECONDS });
    if (typeof value !== 'string' || value.length < 32) throw new Error(`the secret named by ${name} holds no usable key`);
    return value;
  };
  const [cursor, contactLookup] = await Promise.all([read(ENV.cursorKeySecretArn), read(ENV.contactKeySecretArn)]);
  return { ...(cursor ? { cursor } : {}), ...(contactLookup ? { contactLookup } : {}) };
}
