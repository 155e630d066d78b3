/** The hash chain of a timeline (issue 12): each kind of tampering is named. */
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../functions/core/complaint';
import { chainEvents, chainProblems, type EvidenceEntry } from '../../functions/core/evidence';

const ev = (at: string, type: TimelineEvent['type'], message = 'x'): TimelineEvent => ({ at, type, actor: { kind: 'SYSTEM' }, message, visibility: 'PUBLIC' });
const ID = 'ABCDE-FGHJ1';

function record(): { entries: EvidenceEntry[]; head: string | undefined } {
  const first = chainEvents(ID, undefined, [ev('2026-11-01T01:00:00Z', 'SUBMITTED')]);
  const later = chainEvents(ID, first.head, [ev('2026-11-02T01:00:00Z', 'VERIFIED'), ev('2026-11-03T01:00:00Z', 'RESPONDED', 'Sudah ditambal.')]);
  const events = [ev('2026-11-01T01:00:00Z', 'SUBMITTED'), ev('2026-11-02T01:00:00Z', 'VERIFIED'), ev('2026-11-03T01:00:00Z', 'RESPONDED', 'Sudah ditambal.')];
  const links = [...first.links, ...later.links];
  return { entries: events.map((event, i) => ({ event, chain: links[i] as EvidenceEntry['chain'] })), head: later.head };
}

describe('the timeline hash chain', () => {
  it('holds for an untouched record, in any order it is read, and with an entry’s words withheld', () => {
    const { entries, head } = record();
    expect(chainProblems(ID, entries, head)).toEqual([]);
    expect(chainProblems(ID, [...entries].reverse(), head)).toEqual([]);
    expect(chainProblems(ID, [entries[0] as EvidenceEntry, { chain: (entries[1] as EvidenceEntry).chain }, entries[2] as EvidenceEntry], head)).toEqual([]);
  });

  it('names an edited, a deleted, a foreign and an appended-then-dropped entry', () => {
    const { entries, head } = record();
    const edited = structuredClone(entries);
    (edited[2] as EvidenceEntry).event = ev('2026-11-03T01:00:00Z', 'RESPONDED', 'Tidak perlu ditindaklanjuti.');
    expect(chainProblems(ID, edited, head)).toEqual([expect.stringContaining('isinya tidak cocok')]);
    expect(chainProblems(ID, [entries[0], entries[2]] as EvidenceEntry[], head)).toContainEqual(expect.stringContaining('rantai terputus'));
    expect(chainProblems('ZZZZZ-ZZZZ1', entries, head)).toContainEqual(expect.stringContaining('rantai terputus'));
    expect(chainProblems(ID, entries.slice(0, 2), head)).toEqual([expect.stringContaining('ujung rantai')]);
  });
});
