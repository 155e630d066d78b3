/**
 * The demo SIPP catalogue (data/services/<agencyId>.csv): imported at `npm start` through the
 * same use case as `POST /v1/services/imports`, as that agency's service administrator would.
 * Already imported services are left as they are (a restart keeps its data).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbAgencyReadiness } from '../functions/adapters/dynamodb-agency-readiness';
import { DynamoDbClientKeys } from '../functions/adapters/dynamodb-client-keys';
import { DynamoDbServiceCatalogue } from '../functions/adapters/dynamodb-service-catalogue';
import { systemClock } from '../functions/adapters/system';
import { DomainError } from '../functions/core/errors';
import { registerClientKey } from '../functions/use-cases/open311';
import { importServices } from '../functions/use-cases/service-catalogue';

export const SERVICE_SEED_DIR = path.join(import.meta.dirname, '..', 'data', 'services');

/**
 * The local demo Open311 client key: kept in the data folder (one key across restarts), stored
 * hashed like any issued key; `npm run -s open311-key` prints it.
 */
export async function seedOpen311Key(ddb: DynamoDBClient, tableName: string, dataDir: string | undefined): Promise<string> {
  const file = dataDir ? path.join(dataDir, 'open311-key.txt') : undefined;
  const key = file && existsSync(file) ? readFileSync(file, 'utf8').trim() : randomBytes(32).toString('base64url');
  await registerClientKey({ clientKeys: new DynamoDbClientKeys(ddb, tableName), clock: systemClock }, key, 'Demo lokal (npm start)', 'local');
  if (file) writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export async function seedServices(ddb: DynamoDBClient, tableName: string): Promise<string[]> {
  const services = new DynamoDbServiceCatalogue(ddb, tableName);
  // The seeded catalogue counts toward its agency's readiness, as an import through the API would.
  const readiness = new DynamoDbAgencyReadiness(ddb, tableName);
  const _refuse = () => {
    throw new Error('the seed does not page');
  };
  const imported: string[] = [];
  for (const file of readdirSync(SERVICE_SEED_DIR).filter((f) => f.endsWith('.csv'))) {
    const agencyId = path.basename(file, '.csv');
    const admin = { kind: 'STAFF' as const, username: `seed-${agencyId}`, roles: ['SERVICE_ADMIN' as const], agencyId };
    try {
      const r = await importServices({ services, clock: systemClock, readiness }, admin, readFileSync(path.join(SERVICE_SEED_DIR, file), 'utf8'));
      imported.push(...r.imported);
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'CONFLICT')) throw error;
    }
  }
  return imported;
}
