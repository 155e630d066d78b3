/**
 * Tracking numbers: 9 random symbols of Crockford's base 32 (no I, L, O, U) and one
 * Luhn mod 32 check symbol, shown as `XXXXX-XXXXX`. A single mistyped symbol or a swap
 * of two neighbours is caught before any lookup; 45 random bits make guessing useless.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length;
const PAYLOAD_LENGTH = 9;

const codeOf = (ch: string): number => {
  const i = ALPHABET.indexOf(ch);
  if (i < 0) throw new Error(`not a tracking symbol: ${ch}`);
  return i;
};

function luhnSum(symbols: string, doubleFirst: boolean): number {
  let factor = doubleFirst ? 2 : 1;
  let sum = 0;
  for (let i = symbols.length - 1; i >= 0; i--) {
    let addend = factor * codeOf(symbols[i] as string);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return sum;
}

export function checkSymbol(payload: string): string {
  return ALPHABET[(N - (luhnSum(payload, true) % N)) % N] as string;
}

/** `randomBytes` must return cryptographically random bytes (an adapter passes node:crypto). */
export function newTrackingId(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(PAYLOAD_LENGTH);
  let payload = '';
  for (const b of bytes) payload += ALPHABET[b % N];
  return format(payload + checkSymbol(payload));
}

const format = (compact: string) => `${compact.slice(0, 5)}-${compact.slice(5)}`;

export type ParsedTrackingId = { ok: true; trackingId: string } | { ok: false; reason: string };

/** Accepts what people type: any case, spaces or hyphens, O for 0 and I/L for 1. */
export function parseTrackingId(input: string): ParsedTrackingId {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== PAYLOAD_LENGTH + 1) {
    return { ok: false, reason: 'Nomor pelacakan terdiri dari 10 karakter (contoh: 7K3MQ-X9P2W).' };
  }
  if ([...compact].some((ch) => !ALPHABET.includes(ch))) {
    return { ok: false, reason: 'Nomor pelacakan memuat karakter yang tidak dikenal.' };
  }
  if (luhnSum(compact, false) % N !== 0) {
    return { ok: false, reason: 'Nomor pelacakan salah ketik: karakter pemeriksa tidak cocok.' };
  }
  return { ok: true, trackingId: format(compact) };
}
