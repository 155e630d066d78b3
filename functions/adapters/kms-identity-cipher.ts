import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { ReporterIdentity } from '../core/complaint';
import type { IdentityCipher } from '../core/ports';

/**
 * Reporter identities encrypted with the stack's customer-managed KMS key. An identity is at
 * most a few hundred bytes, well under KMS's 4 KB, so KMS encrypts it directly. The encryption
 * context binds each ciphertext to its complaint: copied onto another complaint it does not open.
 * Which functions may decrypt is decided by IAM (lib/constructs/identity-key.ts), not by this code.
 */
export class KmsIdentityCipher implements IdentityCipher {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  private static context(trackingId: string) {
    return { purpose: 'aduan-reporter-identity', trackingId };
  }

  async seal(trackingId: string, identity: ReporterIdentity): Promise<string> {
    const res = await this.kms.send(
      new EncryptCommand({ KeyId: this.keyId, Plaintext: Buffer.from(JSON.stringify(identity)), EncryptionContext: KmsIdentityCipher.context(trackingId) }),
    );
    if (!res.CiphertextBlob) throw new Error('KMS returned no ciphertext');
    return Buffer.from(res.CiphertextBlob).toString('base64');
  }

  async open(trackingId: string, sealed: string): Promise<ReporterIdentity> {
    const res = await this.kms.send(
      new DecryptCommand({ KeyId: this.keyId, CiphertextBlob: Buffer.from(sealed, 'base64'), EncryptionContext: KmsIdentityCipher.context(trackingId) }),
    );
    if (!res.Plaintext) throw new Error('KMS returned no plaintext');
    return JSON.parse(Buffer.from(res.Plaintext).toString('utf8')) as ReporterIdentity;
  }
}
