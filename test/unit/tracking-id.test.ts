import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSymbol, newTrackingId, parseTrackingId } from '../../functions/core/tracking-id';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const random = (n: number) => new Uint8Array(randomBytes(n));

describe('tracking numbers', () => {
  it('are 10 unambiguous symbols shown as XXXXX-XXXXX and parse back to themselves', () => {
    for (let i = 0; i < 200; i++) {
      const id = newTrackingId(random);
      expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(parseTrackingId(id)).toEqual({ ok: true, trackingId: id });
    }
  });

  it('accept what people type: lower case, no hyphen, spaces, O for 0 and I/L for 1', () => {
    const payload = '0011ABCDE';
    const id = `${payload}${checkSymbol(payload)}`;
    const shown = `${id.slice(0, 5)}-${id.slice(5)}`;
    expect(parseTrackingId(shown.toLowerCase())).toEqual({ ok: true, trackingId: shown });
    expect(parseTrackingId(`oOiL${id.slice(4)}`)).toEqual({ ok: true, trackingId: shown });
    expect(parseTrackingId(` ${id.slice(0, 3)} ${id.slice(3)} `)).toEqual({ ok: true, trackingId: shown });
  });

  it('catch every single-symbol typo', () => {
    const id = newTrackingId(random).replace('-', '');
    for (let pos = 0; pos < id.length; pos++) {
      for (const ch of ALPHABET) {
        if (ch === id[pos]) continue;
        const typo = id.slice(0, pos) + ch + id.slice(pos + 1);
        expect(parseTrackingId(typo).ok, `${typo} should be rejected`).toBe(false);
      }
    }
  });

  it('catch swaps of two different neighbours', () => {
    let caught = 0;
    let swaps = 0;
    for (let i = 0; i < 100; i++) {
      const id = newTrackingId(random).replace('-', '');
      for (let pos = 0; pos < id.length - 1; pos++) {
        if (id[pos] === id[pos + 1]) continue;
        swaps++;
        const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
        if (!parseTrackingId(swapped).ok) caught++;
      }
    }
    // Luhn mod N misses only the swap of the two symbols whose doubled sums coincide.
    expect(caught / swaps).toBeGreaterThan(0.99);
  });

  it('explain what is wrong in Indonesian', () => {
    expect(parseTrackingId('ABC')).toMatchObject({ ok: false, reason: expect.stringContaining('10 karakter') });
    expect(parseTrackingId('ABCDE-FGHJU')).toMatchObject({ ok: false, reason: expect.stringContaining('tidak dikenal') });
  });
});
