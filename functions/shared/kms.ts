import { KMSClient } from '@aws-sdk/client-kms';
import { KmsIdentityCipher } from '../adapters/kms-identity-cipher';
import type { IdentityCipher } from '../core/ports';
import { tracer } from './powertools';

/**
 * KMS, in the functions that use it only (imported by their handlers, so no other bundle carries
 * the client): the identity key's cipher, and the case-bundle key's signer.
 */
export const kms = tracer.captureAWSv3Client(new KMSClient({}));

export const kmsIdentities = (keyId: string): IdentityCipher => new KmsIdentityCipher(kms, keyId);
