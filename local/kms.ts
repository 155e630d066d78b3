/**
 * A local stand-in for AWS KMS — only what Aduan uses: Encrypt and Decrypt (AWS JSON 1.1,
 * `TrentService.*`) with an encryption context, and Sign/GetPublicKey (ECDSA P-256 over a
 * digest) for case bundles. No emulator of KMS is published on npm; this
 * one lets the functions run the very same KMS adapter on a laptop as in AWS. Ciphertexts are
 * AES-256-GCM under a master key kept in the local data folder (or in memory), bound to their key
 * and encryption context like KMS's: a wrong context or a tampered blob fails to decrypt.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  sign as cryptoSign,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type AwsJsonAnswer, awsJsonFailure, startAwsJsonServer } from './aws-json-server';
import type { Running } from './emulators';

const context = (c: unknown) => JSON.stringify(Object.entries((c ?? {}) as Record<string, string>).sort(([a], [b]) => a.localeCompare(b)));

function masterKey(dataDir?: string): Buffer {
  if (!dataDir) return randomBytes(32);
  const file = path.join(dataDir, 'kms-master.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

/** The local signing key (ECC_NIST_P256), kept beside the master key so bundles verify across restarts. */
function signingKey(dataDir?: string): KeyObject {
  const file = dataDir ? path.join(dataDir, 'kms-signing-key.pem') : undefined;
  if (file && existsSync(file)) return createPrivateKey(readFileSync(file, 'utf8'));
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return privateKey;
}

export async function startKms(opts: { port: number; dataDir?: string }): Promise<Running> {
  const master = masterKey(opts.dataDir);
  const signer = signingKey(opts.dataDir);
  const keyOf = (keyId: string) => createHash('sha256').update(master).update(keyId).digest();
  const fail = awsJsonFailure;

  const handle = (target: string, req: Record<string, unknown>): AwsJsonAnswer => {
    if (target === 'TrentService.Encrypt') {
      const keyId = String(req.KeyId ?? '');
      if (!keyId) return fail('ValidationException', 'KeyId is required');
      const plaintext = Buffer.from(String(req.Plaintext ?? ''), 'base64');
      if (plaintext.length < 1 || plaintext.length > 4096) return fail('ValidationException', 'Plaintext must be 1–4096 bytes');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyOf(keyId), iv);
      cipher.setAAD(Buffer.from(context(req.EncryptionContext)));
      const sealed = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      const id = Buffer.from(keyId);
      const blob = Buffer.concat([Buffer.from([id.length >> 8, id.length & 255]), id, iv, cipher.getAuthTag(), sealed]);
      return { status: 200, body: { CiphertextBlob: blob.toString('base64'), KeyId: keyId, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' } };
    }
    if (target === 'TrentService.Sign') {
      if ((req.MessageType ?? 'RAW') !== 'RAW' || req.SigningAlgorithm !== 'ECDSA_SHA_256')
        return fail('UnsupportedOperationException', 'only ECDSA_SHA_256 over a RAW message');
      const message = Buffer.from(String(req.Message ?? ''), 'base64');
      if (!message.length || message.length > 4096) return fail('ValidationException', 'a RAW message is 1–4096 bytes');
      // As KMS does for RAW: SHA-256 of the message, signed with ECDSA (DER).
      const signature = cryptoSign('sha256', message, { key: signer, dsaEncoding: 'der' });
      return { status: 200, body: { KeyId: req.KeyId, Signature: signature.toString('base64'), SigningAlgorithm: 'ECDSA_SHA_256' } };
    }
    if (target === 'TrentService.GetPublicKey') {
      const spki = createPublicKey(signer).export({ type: 'spki', format: 'der' });
      return {
        status: 200,
        body: { KeyId: req.KeyId, PublicKey: spki.toString('base64'), KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', SigningAlgorithms: ['ECDSA_SHA_256'] },
      };
    }
    if (target === 'TrentService.Decrypt') {
      try {
        const blob = Buffer.from(String(req.CiphertextBlob ?? ''), 'base64');
        const idLength = ((blob[0] ?? 0) << 8) | (blob[1] ?? 0);
        const keyId = blob.subarray(2, 2 + idLength).toString();
        const iv = blob.subarray(2 + idLength, 14 + idLength);
        const tag = blob.subarray(14 + idLength, 30 + idLength);
        const decipher = createDecipheriv('aes-256-gcm', keyOf(keyId), iv);
        decipher.setAAD(Buffer.from(context(req.EncryptionContext)));
        decipher.setAuthTag(tag);
        const plaintext = Buffer.concat([decipher.update(blob.subarray(30 + idLength)), decipher.final()]);
        return { status: 200, body: { Plaintext: plaintext.toString('base64'), KeyId: keyId, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' } };
      } catch {
        return fail('InvalidCiphertextException', 'The ciphertext or its encryption context is invalid');
      }
    }
    return fail('UnknownOperationException', `${target} is not emulated locally`);
  };

  return startAwsJsonServer(opts.port, handle);
}
