import { createHash } from 'node:crypto';

/** SHA-256 of a text, hex: access tokens, device tokens and client keys are kept only this way. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
