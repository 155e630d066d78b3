import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ENV } from '../../functions/shared/env';

/**
 * The asymmetric key (ECC_NIST_P256) that signs case bundles. Only the export function may sign;
 * verification needs only the public key. The key outlives the stack with the data: a bundle
 * handed to the Ombudsman must stay verifiable.
 */
export class BundleKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, props: { removalPolicy: RemovalPolicy }) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Aduan: signs case bundles (ECDSA P-256)',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: props.removalPolicy === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
    Validations.of(this.key).acknowledge({
      id: 'AwsSolutions-KMS5',
      reason: 'KMS rotates only symmetric keys; a signing key is kept so that every bundle it signed stays verifiable.',
    });
  }

  bind(fn: LambdaFunction, access: 'sign' | 'verify') {
    this.key.grant(fn, ...(access === 'sign' ? ['kms:Sign', 'kms:GetPublicKey'] : ['kms:GetPublicKey']));
    fn.addEnvironment(ENV.bundleKeyId, this.key.keyArn);
  }
}
