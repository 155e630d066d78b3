import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { figureEntriesOf } from '../core/compliance';
import type { CounterDelta } from '../core/monitoring';
import { figureSk, figuresPk, statsPk, statsSk } from './dynamodb-keys';
import { m } from './dynamodb-query';

/** Which complaints make an agency's figures: one item per (month, figure, complaint), updated with the counters. */
function figureWrites(tableName: string, deltas: CounterDelta[]): TransactWriteItem[] {
  return figureEntriesOf(deltas).map((f) => ({
    Update: {
      TableName: tableName,
      Key: m({ pk: figuresPk(f.month, f.agencyId), sk: figureSk(f.figure, f.trackingId) }),
      UpdateExpression: 'SET #entity = :entity, #figure = :figure, #trackingId = :trackingId ADD #times :n',
      ExpressionAttributeNames: { '#entity': 'entity', '#figure': 'figure', '#trackingId': 'trackingId', '#times': 'times' },
      ExpressionAttributeValues: m({ ':entity': 'FIGURE', ':figure': f.figure, ':trackingId': f.trackingId, ':n': f.n }),
    },
  }));
}

/**
 * The monitoring counters a change writes in its own transaction: one update per (month, scope),
 * adding to what is there, and the complaints behind each agency's figures beside them.
 */
export function counterWrites(tableName: string, deltas: CounterDelta[] = []): TransactWriteItem[] {
  // One update per (month, scope): a transaction may not touch an item twice.
  const merged = new Map<string, CounterDelta>();
  for (const d of deltas) {
    const key = `${d.month}|${statsSk(d.scope)}`;
    const prev = merged.get(key);
    if (!prev) merged.set(key, { ...d, add: { ...d.add } });
    else for (const [k, v] of Object.entries(d.add)) prev.add[k as keyof CounterDelta['add']] = (prev.add[k as keyof CounterDelta['add']] ?? 0) + (v ?? 0);
  }
  const updates = [...merged.values()]
    .map((d) => ({ ...d, entries: Object.entries(d.add).filter(([, v]) => v) }))
    .filter((d) => d.entries.length > 0)
    .map(({ entries, ...d }) => {
      return {
        Update: {
          TableName: tableName,
          Key: m({ pk: statsPk(d.month), sk: statsSk(d.scope) }),
          UpdateExpression: `SET #scope = :scope, #month = :month ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
          ExpressionAttributeNames: { '#scope': 'scope', '#month': 'month', ...Object.fromEntries(entries.map(([k], i) => [`#c${i}`, k])) },
          ExpressionAttributeValues: m({ ':scope': d.scope, ':month': d.month, ...Object.fromEntries(entries.map(([, v], i) => [`:c${i}`, v])) }),
        },
      };
    });
  return [...updates, ...figureWrites(tableName, deltas)];
}
