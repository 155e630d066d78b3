import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { ENV } from '../../functions/shared/env';
import type { StageConfig } from '../config';

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
      this.identity.applyRemovalPolicy(RemovalPolicy.RETAIN);
    }
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
    fn.addEnvironment(ENV.agencyEmailDomain, this.config.agencyEmailDomain);
    fn.addEnvironment(ENV.portalUrl, this.config.portalUrl);
  }
}
