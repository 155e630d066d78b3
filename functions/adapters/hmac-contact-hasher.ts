import { createHmac } from 'node:crypto';
import type { ContactHasher, ContactKind } from '../core/ports';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `Putu.Ayu@Example.com ` → `putu.ayu@example.com`; `0812-3456-7890` / `+62 812…` → `62812…`. */
export function normalizeContact(kind: ContactKind, value: string): string {
  if (kind === 'EMAIL') return value.trim().toLowerCase();
  const digits = value.replace(/\D/g, '');
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}

/**
 * Contact lookups as keyed hashes: an operator can find one person's complaints by email or
 * phone, while the table holds no contact in clear (the identity itself is KMS-encrypted) and a
 * reader of the table cannot test guesses without the key.
 */
export function hmacContactHasher(key: string): ContactHasher {
  if (key.length < 32) throw new Error('the contact lookup key must be at least 32 characters');
  const mac = (...parts: string[]) => createHmac('sha256', key).update(parts.join('\0'));
  return {
    hash: (kind, value) => mac(kind, normalizeContact(kind, value)).digest('base64url'),
    // 10 symbols of Crockford base 32 (50 bits): unguessable, and easy to read aloud or type.
    emailConfirmationCode: (trackingId, email) => {
      const bytes = mac('CONFIRM_EMAIL', trackingId, normalizeContact('EMAIL', email)).digest();
      let code = '';
      for (let i = 0; i < 10; i++) code += CROCKFORD[(bytes[i] as number) % 32];
      return `${code.slice(0, 5)}-${code.slice(5)}`;
    },
    addressOfDay: (address, day) => mac('ADDRESS_OF_DAY', day, address.trim().toLowerCase()).digest('base64url'),
  };
}
