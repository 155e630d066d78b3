/** Duplicate scoring (core/duplicates.ts) and the support rule (core/support.ts). */
import { describe, expect, it } from 'vitest';
import { distanceMetres, rankDuplicates, textSimilarity, wordsOf } from '../../functions/core/duplicates';
import { supportRefusal } from '../../functions/core/support';
import { aComplaint } from '../support/complaint-fixture';

const at = (day: string, over = {}) =>
  aComplaint({ submittedAt: `2026-11-${day}T01:00:00.000Z`, categoryId: 'jalan-kabupaten-kota', location: { regionCode: '51.03' }, ...over });

describe('likely duplicates', () => {
  it('compares meaningful words only (case, punctuation and function words do not count)', () => {
    expect([...wordsOf('Jembatan di Tukad Mati, RETAK parah!')]).toEqual(['jembatan', 'tukad', 'mati', 'retak', 'parah']);
    expect(textSimilarity(wordsOf('jembatan retak parah'), wordsOf('Jembatan yang retak parah sekali'))).toBeCloseTo(0.75);
    expect(textSimilarity(wordsOf(''), wordsOf('apa saja'))).toBe(0);
  });

  it('measures distance on the globe', () => {
    expect(distanceMetres({ latitude: -8.65, longitude: 115.2163 }, { latitude: -8.65, longitude: 115.2263 })).toBeCloseTo(1099, -1);
  });

  it('ranks the same matter first and leaves out itself, archived ones and the unrelated', () => {
    const c = at('20', { trackingId: 'AAAAA-AAAAA', title: 'Jembatan Tukad Mati retak', description: 'Tiang jembatan retak setelah banjir, truk lewat.' });
    const same = at('18', { trackingId: 'BBBBB-BBBBB', title: 'Retak di jembatan Tukad Mati', description: 'Jembatan retak sejak banjir; truk berat lewat.' });
    const old = at('01', { trackingId: 'CCCCC-CCCCC', title: 'Jembatan Tukad Mati retak', description: 'Tiang jembatan retak, truk lewat.' });
    const archived = { ...same, trackingId: 'DDDDD-DDDDD', status: 'ARCHIVED' as const };
    const unrelated = at('19', { trackingId: 'EEEEE-EEEEE', title: 'Lampu lalu lintas padam', description: 'Simpang Dalung gelap pada malam hari.' });
    const ranked = rankDuplicates(c, [c, unrelated, archived, old, same]);
    expect(ranked.map((r) => r.trackingId)).toEqual(['BBBBB-BBBBB', 'CCCCC-CCCCC']);
    expect(ranked[0]?.reasons).toContain('selisih 2 hari');
  });
});

describe('support', () => {
  it('only for what the public sees, while it is open', () => {
    expect(supportRefusal(at('01', { status: 'ASSIGNED', confidential: false }))).toBeUndefined();
    expect(supportRefusal(at('01', { status: 'ASSIGNED', confidential: true }))).toBe('HIDDEN');
    expect(supportRefusal(at('01', { status: 'SUBMITTED' }))).toBe('HIDDEN');
    expect(supportRefusal(at('01', { status: 'CLOSED', confidential: false }))).toBe('ENDED');
  });
});
