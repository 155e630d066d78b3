/**
 * The daily publication of chain heads (core/evidence.ts): once a day the heads of every complaint
 * whose timeline moved the day before are digested, chained to the previous digest and signed with
 * the bundle key. Anyone reads the signed root; the Ombudsman and operators also read the heads,
 * and a case bundle is checked against the head published for its complaint.
 */

import type { ChainHeadsOutput } from '../contract/outputs/evidence';
import type { Caller } from '../core/access';
import { DomainError, notFound } from '../core/errors';
import { CHAIN_HEADS_FORMAT, CHAIN_HEADS_GENESIS, type ChainHeadsDigest, chainHeadsRoot } from '../core/evidence';
import type { BundleSigner, ChainHeadLedger } from '../core/ports';
import type { Deps } from './deps';

const DAY_MS = 86_400_000;
/** Days a late run catches up on at most (a longer outage is an operator's to look at: the alarm on failures says so). */
const MAX_CATCH_UP_DAYS = 31;

type PublishDeps = Pick<Deps, 'clock' | 'logger'> & { chainHeads: ChainHeadLedger; signer: BundleSigner };

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Publishes every day not yet published up to yesterday (UTC), oldest first: a run missed is caught
 * up by the next, and each digest chains to the one before.
 */
export async function publishChainHeads(deps: PublishDeps): Promise<{ published: number; heads: number }> {
  // A day is published once it has been over for an hour: an entry written at 23:59:59 is in.
  const yesterday = dayOf(deps.clock.now().getTime() - DAY_MS - 3_600_000);
  const latest = await deps.chainHeads.latest();
  if (latest && latest.day >= yesterday) return { published: 0, heads: 0 };
  let previous = latest?.root ?? CHAIN_HEADS_GENESIS;
  const first = latest ? Date.parse(`${latest.day}T00:00:00Z`) + DAY_MS : Date.parse(`${yesterday}T00:00:00Z`);
  const from = Math.max(first, Date.parse(`${yesterday}T00:00:00Z`) - (MAX_CATCH_UP_DAYS - 1) * DAY_MS);
  const result = { published: 0, heads: 0 };
  for (let t = from; dayOf(t) <= yesterday; t += DAY_MS) {
    const day = dayOf(t);
    const heads = await deps.chainHeads.headsOf(day);
    const root = chainHeadsRoot(day, previous, heads);
    const signature = await deps.signer.sign(Buffer.from(root, 'hex'));
    const digest: ChainHeadsDigest = { format: CHAIN_HEADS_FORMAT, day, previous, count: heads.length, root, signature };
    if (await deps.chainHeads.record(digest)) {
      result.published++;
      result.heads += heads.length;
    }
    previous = (await deps.chainHeads.digest(day))?.root ?? root;
  }
  deps.logger.info('chain heads published', result);
  return result;
}

/**
 * A day's digest: the signed root for anyone; with every complaint's head for the Ombudsman and
 * operators (tracking numbers of confidential complaints are not for the public).
 */
export async function readChainHeads(deps: { chainHeads: ChainHeadLedger }, day: string, caller: Caller) {
  const digest = await deps.chainHeads.digest(day);
  if (!digest) throw notFound(`Belum ada ringkasan ujung rantai untuk ${day}.`);
  const auditor = caller.kind === 'STAFF' && caller.principal.roles.some((r) => r === 'OMBUDSMAN' || r === 'OPERATOR');
  if (caller.kind === 'STAFF' && !auditor) throw new DomainError('FORBIDDEN', 'Daftar ujung rantai hanya untuk Ombudsman dan operator.');
  return (auditor ? { ...digest, heads: await deps.chainHeads.headsOf(day) } : digest) satisfies ChainHeadsOutput;
}
