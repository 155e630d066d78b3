/**
 * A local stand-in for AWS Secrets Manager — only what Aduan uses: GetSecretValue of the secrets
 * the stack generates (the HMAC keys of cursors and contact lookups), so the functions read their
 * keys at cold start exactly as in AWS. Values are generated like the stack's (random), and kept
 * in the local data folder when there is one: contact lookups made before a restart still match.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { awsJsonFailure, startAwsJsonServer } from './aws-json-server';
import type { Running } from './emulators';

/** The value of each secret ARN: kept ones from the data folder, new ones generated. */
function secretValues(arns: string[], dataDir?: string): Map<string, string> {
  const file = dataDir ? path.join(dataDir, 'secrets.json') : undefined;
  const kept = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const values = new Map(arns.map((arn) => [arn, kept[arn] ?? randomBytes(36).toString('base64url')]));
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(Object.fromEntries(values), null, 2)}\n`, { mode: 0o600 });
  }
  return values;
}

export async function startSecretsManager(opts: { port: number; arns: string[]; dataDir?: string }): Promise<Running> {
  const values = secretValues(opts.arns, opts.dataDir);
  return startAwsJsonServer(opts.port, (target, req) => {
    if (target !== 'secretsmanager.GetSecretValue') return awsJsonFailure('UnknownOperationException', `${target} is not emulated locally`);
    const id = String(req.SecretId ?? '');
    const value = values.get(id);
    if (value === undefined) return awsJsonFailure('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    return {
      status: 200,
      body: { ARN: id, Name: id.split(':').at(-1), SecretString: value, VersionId: 'local', VersionStages: ['AWSCURRENT'], CreatedDate: 0 },
    };
  });
}
