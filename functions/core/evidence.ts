/**
 * The tamper-evident record: every timeline entry is linked to its predecessor by a hash chain
 * (one chain per complaint), so an entry deleted, reordered or edited after the fact breaks the
 * chain. An entry's link is `sha256(previous link ":" sha256(canonical entry))`; keeping the
 * content hash apart lets a bundle withhold an entry's words (an internal note, for the reporter)
 * and still prove its place in the chain.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { TimelineEvent } from './complaint';

export interface ChainLink {
  /** The link of the entry before (the complaint's genesis for the first). */
  prev: string;
  /** sha256 of the entry's canonical JSON. */
  content: string;
  /** sha256(prev ":" content): what the next entry links to. */
  hash: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Where a complaint's chain starts: bound to its tracking number, so entries cannot move between complaints. */
export const genesisOf = (trackingId: string) => sha256(`aduan-timeline:${trackingId}`);
export const contentHashOf = (event: TimelineEvent) => sha256(canonicalJson(event));
export const linkOf = (prev: string, content: string) => sha256(`${prev}:${content}`);

/** Links new entries after the current head (undefined: the first entries of the complaint). */
export function chainEvents(trackingId: string, head: string | undefined, events: TimelineEvent[]): { links: ChainLink[]; head: string | undefined } {
  let prev = head ?? genesisOf(trackingId);
  const links = events.map((e) => {
    const content = contentHashOf(e);
    const link = { prev, content, hash: linkOf(prev, content) };
    prev = link.hash;
    return link;
  });
  return { links, head: events.length ? prev : head };
}

/** One entry as a bundle carries it: the event, or only its content hash when withheld. */
export interface EvidenceEntry {
  event?: TimelineEvent;
  chain: ChainLink;
  /**
   * What may still be shown of a withheld entry: the reporter's view of it, or what erasure kept
   * of it (that a file existed, and its hash). Not covered by the content hash: the chain proves
   * the withheld original's place, not this text.
   */
  shown?: Pick<TimelineEvent, 'at' | 'type' | 'message'> & Partial<Pick<TimelineEvent, 'attachment'>>;
}

/**
 * Walks a complaint's chain from its genesis to its head and says what does not hold: an entry
 * whose content no longer matches its hash, a link that does not follow, a missing or extra
 * entry, a head that is not the one recorded.
 */
export function chainProblems(trackingId: string, entries: EvidenceEntry[], head: string | undefined): string[] {
  const problems: string[] = [];
  const byPrev = new Map<string, EvidenceEntry[]>();
  const unlinked = entries.filter((e) => !e.chain?.hash || !e.chain.prev || !e.chain.content).length;
  if (unlinked) return [`${unlinked} entri tanpa tautan rantai (dicatat sebelum rantai diterapkan, atau dihapus tautannya)`];
  entries.forEach((e, i) => {
    if (e.event && contentHashOf(e.event) !== e.chain.content)
      problems.push(`entri ${i + 1} (${e.event.type}, ${e.event.at}): isinya tidak cocok dengan hash-nya`);
    if (linkOf(e.chain.prev, e.chain.content) !== e.chain.hash) problems.push(`entri ${i + 1}: tautan hash tidak valid`);
    byPrev.set(e.chain.prev, [...(byPrev.get(e.chain.prev) ?? []), e]);
  });
  let at = genesisOf(trackingId);
  let walked = 0;
  while (walked <= entries.length) {
    const next = byPrev.get(at);
    if (!next) break;
    if (next.length > 1) problems.push(`rantai bercabang setelah entri ${walked}`);
    at = (next[0] as EvidenceEntry).chain.hash;
    walked++;
  }
  if (walked !== entries.length) problems.push(`rantai terputus: ${walked} dari ${entries.length} entri tersambung dari awal`);
  if ((head ?? genesisOf(trackingId)) !== at) problems.push('entri terakhir bukan ujung rantai yang tercatat pada laporan');
  return problems;
}

/**
 * The day's published digest of chain heads: every complaint whose chain moved that day with its
 * newest head, chained to the previous day's digest and signed. A rewrite of the table by someone
 * who can write it (re-chaining every entry, so a bundle still verifies on its own) no longer
 * contains the head published for that day: the digest makes it detectable.
 */
export const CHAIN_HEADS_FORMAT = 'aduan-chain-heads/1';
export const CHAIN_HEADS_GENESIS = sha256('aduan-chain-heads');

export interface ChainHead {
  trackingId: string;
  head: string;
}

export interface ChainHeadsDigest {
  format: typeof CHAIN_HEADS_FORMAT;
  day: string;
  /** The previous published day's root (the genesis for the first). */
  previous: string;
  count: number;
  /** sha256 of the canonical `{ format, day, previous, heads }`, heads sorted by tracking number. */
  root: string;
  signature: string;
}

export function chainHeadsRoot(day: string, previous: string, heads: ChainHead[]): string {
  const sorted = [...heads].sort((a, b) => a.trackingId.localeCompare(b.trackingId));
  return sha256(canonicalJson({ format: CHAIN_HEADS_FORMAT, day, previous, heads: sorted }));
}

/** What does not hold of a complaint's chain against a head published for it: the head must still be one of its links. */
export function publishedHeadProblems(entries: EvidenceEntry[], published: { day: string; head: string } | undefined): string[] {
  if (!published) return [];
  return entries.some((e) => e.chain?.hash === published.head)
    ? []
    : [`ujung rantai yang diterbitkan pada ${published.day} tidak ada lagi di rantai: catatan ditulis ulang setelah tanggal itu`];
}
