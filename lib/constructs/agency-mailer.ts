import { CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { ENV } from '../../functions/shared/env';
import type { StageConfig } from '../config';
import { mailShare } from '../wiring';

const bareAddress = (from: string) => from.match(/<([^>]+)>/)?.[1] ?? from.trim();

/**
 * The SES sending identity and the one permission to send from it. The identity is the
 * operator's domain: created by the stack only when asked (`sesIdentity.create`), and then kept
 * when the stack is deleted — a domain identity outlives deployments, and deleting it would stop
 * every other sender of that domain in the account.
 */
export class AgencyMailer extends Construct {
  readonly identity?: EmailIdentity;
  private readonly identityName: string;

  constructor(
    scope: Construct,
    id: string,
    private readonly config: StageConfig,
  ) {
    super(scope, id);
    this.identityName = config.sesIdentity.domain;
    if (config.sesIdentity.create) {
      this.identity = new EmailIdentity(this, 'Identity', { identity: Identity.domain(config.sesIdentity.domain) });
      // Kept when the stack goes, but not when its creation is rolled back: a retry must not find it in the way.
      this.identity.applyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
      // The three DKIM records the operator publishes in DNS before SES verifies the identity.
      this.identity.dkimRecords.forEach((record, i) => {
        new CfnOutput(this, `DkimRecord${i + 1}`, {
          description: `DKIM CNAME ${i + 1} of ${config.sesIdentity.domain}`,
          value: `${record.name} CNAME ${record.value}`,
        });
      });
    }
  }

  /**
   * The sender Cognito mails staff from: the same address and identity as every other mail, once
   * the operator says SES verified it (`sesIdentity.verified`); Cognito's own sender until then.
   */
  cognitoSender() {
    const name = this.config.mailFrom.match(/^([^<]+)</)?.[1]?.trim();
    return {
      from: bareAddress(this.config.mailFrom),
      ...(name ? { fromName: name } : {}),
      domain: this.identityName,
      viaSes: this.config.sesIdentity.verified,
    };
  }

  bindSender(fn: LambdaFunction) {
    const stack = Stack.of(this);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.identityName })],
        conditions: { StringEquals: { 'ses:FromAddress': bareAddress(this.config.mailFrom) } },
      }),
    );
    fn.addEnvironment(ENV.mailFrom, this.config.mailFrom);
    fn.addEnvironment(ENV.mailSendsPerSecond, mailShare(this.config.sesMaxSendRate).toFixed(3));
    fn.addEnvironment(ENV.agencyEmailDomain, this.config.agencyEmailDomain);
    fn.addEnvironment(ENV.portalUrl, this.config.portalUrl);
  }
}
