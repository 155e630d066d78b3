import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { BundleSigner } from '../core/ports';

/** Case bundles signed by an asymmetric KMS key (ECC_NIST_P256): the private key never leaves KMS. */
export class KmsBundleSigner implements BundleSigner {
  private publicKey?: Promise<string>;

  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  /** Signs the 32-byte digest as the message (KMS hashes it again): `verify('sha256', digest, key, sig)` checks it. */
  async sign(digest: Buffer): Promise<string> {
    const res = await this.kms.send(new SignCommand({ KeyId: this.keyId, Message: digest, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
    if (!res.Signature) throw new Error('KMS returned no signature');
    return Buffer.from(res.Signature).toString('base64');
  }

  publicKeyPem(): Promise<string> {
    // Read once per container: it never changes for a key.
    this.publicKey ??= this.kms.send(new GetPublicKeyCommand({ KeyId: this.keyId })).then((res) => {
      if (!res.PublicKey) throw new Error('KMS returned no public key');
      const b64 = Buffer.from(res.PublicKey).toString('base64');
      return `-----BEGIN PUBLIC KEY-----\n${b64.match(/.{1,64}/g)?.join('\n')}\n-----END PUBLIC KEY-----\n`;
    });
    this.publicKey.catch(() => {
      this.publicKey = undefined;
    });
    return this.publicKey;
  }
}
