import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ENV } from '../../functions/shared/env';

/**
 * The customer-managed key that encrypts reporter identities. The submission function may only
 * encrypt (it stores identities and cannot read them back); the few functions that show or mail
 * an identity may decrypt; nothing else holds a grant. test/infra lists who holds which.
 */
export class IdentityKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, props: { removalPolicy: RemovalPolicy }) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Aduan: reporter identities',
      enableKeyRotation: true,
      // Destroying the key would make every stored identity unreadable: it outlives the stack with the data.
      removalPolicy: props.removalPolicy === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
  }

  bind(fn: LambdaFunction, access: 'seal' | 'open') {
    if (access === 'seal') {
      this.key.grantEncrypt(fn);
      if (fn.role) {
        for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*']) {
          Validations.of(fn.role).acknowledge({
            id: `AwsSolutions-IAM5[Action::${action}]`,
            reason: "CDK's encrypt grant on this one key (action families of KMS's own naming); no decrypt, no other key.",
          });
        }
      }
    } else this.key.grantDecrypt(fn);
    fn.addEnvironment(ENV.identityKeyId, this.key.keyArn);
  }
}
