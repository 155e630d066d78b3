/**
 * The stack's stateful resources (tables and their keys and indexes, the user pool, keys, buckets,
 * secrets, the SES identity) held against a committed list (issue 20): a change that would replace
 * one, change two indexes of a table in one deploy, or regenerate a secret fails here with the
 * reason and the safe path (README, "Stateful resources and upgrades"). A deliberate change updates
 * the list: `UPDATE_STATEFUL=1 npx vitest run test/infra/stateful-resources.test.ts`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthStack } from '../support/synth';

const LIST = path.join(import.meta.dirname, 'stateful-resources.json');
type Snapshot = Record<string, { type: string; identity: Record<string, unknown>; indexes?: Record<string, unknown> }>;

/** What makes each stateful resource what it is: a change to any of these replaces it (or, for a secret, regenerates it). */
const IDENTITY: Record<string, (p: Record<string, any>) => Record<string, unknown>> = {
  'AWS::DynamoDB::Table': (p) => ({ KeySchema: p.KeySchema, TableName: p.TableName ?? null }),
  'AWS::Cognito::UserPool': (p) => ({
    UsernameAttributes: p.UsernameAttributes ?? null,
    AliasAttributes: p.AliasAttributes ?? null,
    Schema: (p.Schema ?? []).map((a: { Name: string }) => a.Name),
  }),
  'AWS::KMS::Key': (p) => ({ KeySpec: p.KeySpec ?? 'SYMMETRIC_DEFAULT', KeyUsage: p.KeyUsage ?? 'ENCRYPT_DECRYPT' }),
  'AWS::S3::Bucket': (p) => ({ BucketName: p.BucketName ?? null }),
  'AWS::SecretsManager::Secret': (p) => ({ Name: p.Name ?? null, GenerateSecretString: p.GenerateSecretString ?? null }),
  'AWS::SES::EmailIdentity': (p) => ({ EmailIdentity: p.EmailIdentity }),
};

function snapshot(stage: string): Snapshot {
  const { stack } = synthStack(stage);
  // The stage's own stack, and its nested stacks by their construct id (`Portal/…`).
  const resources: Record<string, { Type: string; Properties?: Record<string, any> }> = {};
  for (const s of [stack, stack.portal, stack.operations]) {
    const prefix = s === stack ? '' : `${s.node.id}/`;
    for (const [id, r] of Object.entries(Template.fromStack(s).toJSON().Resources as typeof resources)) resources[`${prefix}${id}`] = r;
  }
  const out: Snapshot = {};
  for (const [id, r] of Object.entries(resources)) {
    const identity = IDENTITY[r.Type];
    if (!identity) continue;
    const p = r.Properties ?? {};
    out[id] = {
      type: r.Type,
      identity: identity(p),
      ...(r.Type === 'AWS::DynamoDB::Table'
        ? { indexes: Object.fromEntries((p.GlobalSecondaryIndexes ?? []).map((g: { IndexName: string; KeySchema: unknown }) => [g.IndexName, g.KeySchema])) }
        : {}),
    };
  }
  return out;
}

/** Each change that would replace, delete or regenerate state, with what to do instead. */
function problems(committed: Snapshot, now: Snapshot): string[] {
  const found: string[] = [];
  for (const [id, was] of Object.entries(committed)) {
    const is = now[id];
    if (!is) {
      found.push(
        `${id} (${was.type}) is gone or renamed: CloudFormation would delete it and create another. Keep its construct id, or follow the migration note.`,
      );
      continue;
    }
    if (JSON.stringify(is.identity) !== JSON.stringify(was.identity))
      found.push(
        `${id} (${was.type}) changes ${JSON.stringify(was.identity)} → ${JSON.stringify(is.identity)}: this replaces it (a secret: regenerates it). Create a new resource beside it and migrate.`,
      );
    if (was.indexes && is.indexes) {
      const names = new Set([...Object.keys(was.indexes), ...Object.keys(is.indexes)]);
      const changed = [...names].filter((n) => JSON.stringify(was.indexes?.[n]) !== JSON.stringify(is.indexes?.[n]));
      if (changed.length > 1)
        found.push(`${id} changes ${changed.length} indexes (${changed.join(', ')}) in one deploy: DynamoDB takes one at a time. Deploy them one by one.`);
    }
  }
  for (const id of Object.keys(now))
    if (!committed[id]) found.push(`${id} (${now[id]?.type}) is new stateful state: add it to the list deliberately (UPDATE_STATEFUL=1).`);
  return found;
}

describe('stateful resources', () => {
  it('are the committed ones, none replaced, at most one index changed a deploy, no secret regenerated', () => {
    const now = snapshot('prod');
    if (process.env.UPDATE_STATEFUL) {
      writeFileSync(LIST, `${JSON.stringify(now, null, 2)}\n`);
      // Written as the project's formatter writes JSON, so the lint step agrees.
      execFileSync(process.execPath, [
        path.join(import.meta.dirname, '..', '..', 'node_modules', '@biomejs', 'biome', 'bin', 'biome'),
        'format',
        '--write',
        LIST,
      ]);
    }
    const committed = JSON.parse(readFileSync(LIST, 'utf8')) as Snapshot;
    expect(Object.keys(committed).length).toBeGreaterThanOrEqual(8);
    expect(problems(committed, now)).toEqual([]);
  });

  it('name the reason and the safe path for each kind of dangerous change', () => {
    const committed = JSON.parse(readFileSync(LIST, 'utf8')) as Snapshot;
    const [tableId, table] = Object.entries(committed).find(([, r]) => r.type === 'AWS::DynamoDB::Table' && Object.keys(r.indexes ?? {}).length > 2) as [
      string,
      Snapshot[string],
    ];
    const [secretId, secret] = Object.entries(committed).find(([, r]) => r.type === 'AWS::SecretsManager::Secret') as [string, Snapshot[string]];
    const indexes = Object.keys(table.indexes ?? {});
    const changed: Snapshot = {
      ...committed,
      [tableId]: {
        ...table,
        identity: { ...table.identity, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] },
        indexes: Object.fromEntries(indexes.slice(2).map((n) => [n, table.indexes?.[n]])),
      },
      [secretId]: { ...secret, identity: { ...secret.identity, GenerateSecretString: { PasswordLength: 64 } } },
    };
    const found = problems(committed, changed);
    expect(found).toEqual([
      expect.stringContaining('this replaces it'),
      expect.stringContaining('DynamoDB takes one at a time'),
      expect.stringContaining('regenerates it'),
    ]);
  });
});
