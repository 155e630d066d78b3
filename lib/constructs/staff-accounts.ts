import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolEmail,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { PASSWORD_RESET_CODE_MAIL } from '../../functions/core/emails/staff-account';
import { STAFF_GROUPS } from '../../functions/core/staff';
import { TEMPORARY_PASSWORD_DAYS } from '../../functions/core/staff-accounts';
import { ENV } from '../../functions/shared/env';

/** The only attributes staff may change on their own accounts (never a custom attribute). */
export const STAFF_WRITABLE_ATTRIBUTES = { locale: true, zoneinfo: true, preferredUsername: true } as const;

/** Staff sign-in: verifiers, agency officers, Ombudsman officers and operators. Citizens have no account. */
export class StaffAccounts extends Construct {
  readonly pool: UserPool;
  readonly client: UserPoolClient;

  constructor(
    scope: Construct,
    id: string,
    props: {
      removalPolicy: RemovalPolicy;
      requireMfa: boolean;
      /**
       * Invitations and password resets go through the stage's SES identity once the operator says
       * it is verified (`viaSes`); until then through Cognito's own sender (~50 mails a day):
       * Cognito refuses a pool whose SES sender is not verified yet, so a first deploy must not ask.
       */
      mail: { from: string; fromName?: string; domain: string; viaSes: boolean };
      /** Cognito's Plus tier with threat protection enforced (the operator's setting; not confirmed in Jakarta). */
      threatProtection: boolean;
    },
  ) {
    super(scope, id);
    this.pool = new UserPool(this, 'Pool', {
      email: props.mail.viaSes
        ? UserPoolEmail.withSES({
            fromEmail: props.mail.from,
            ...(props.mail.fromName ? { fromName: props.mail.fromName } : {}),
            sesVerifiedDomain: props.mail.domain,
            sesRegion: Stack.of(this).region,
          })
        : UserPoolEmail.withCognito(),
      selfSignUpEnabled: false,
      // The template of the code a forgotten password gets (no self sign-up: it verifies nothing else).
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: PASSWORD_RESET_CODE_MAIL.subject,
        emailBody: PASSWORD_RESET_CODE_MAIL.body,
      },
      signInAliases: { username: true, email: true },
      customAttributes: {
        // Which agency an officer acts for, and which province an Ombudsman officer watches.
        agencyId: new StringAttribute({ mutable: true, maxLen: 64 }),
        provinceCode: new StringAttribute({ mutable: true, maxLen: 8 }),
      },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(TEMPORARY_PASSWORD_DAYS),
      },
      mfa: props.requireMfa ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      ...(props.threatProtection
        ? { featurePlan: FeaturePlan.PLUS, standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION }
        : { featurePlan: FeaturePlan.ESSENTIALS }),
      deletionProtection: props.removalPolicy !== RemovalPolicy.DESTROY,
      removalPolicy: props.removalPolicy,
    });
    if (!props.threatProtection) {
      const reason =
        'Threat protection (Cognito Plus) is the operator’s setting features.staffThreatProtection, off until the tier is confirmed in ap-southeast-3; MFA is enforced for staff in prod.';
      Validations.of(this.pool).acknowledge({ id: 'AwsSolutions-COG3', reason });
      Validations.of(this.pool).acknowledge({ id: 'AwsSolutions-COG8', reason });
    }
    if (!props.requireMfa) {
      Validations.of(this.pool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason: 'Non-production stage: TOTP MFA is offered, not required, so demo accounts can sign in; prod sets requireStaffMfa.',
      });
    }
    for (const group of Object.values(STAFF_GROUPS)) {
      new CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.pool.userPoolId, groupName: group });
    }
    this.client = this.pool.addClient('StaffClient', {
      authFlows: { userPassword: true, userSrp: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      // Which agency or province an officer acts for is set by administrators only (AdminUpdateUserAttributes):
      // CDK's default lets a user write every attribute, custom:agencyId included, making themselves an
      // officer of any agency. Users may write these harmless standard attributes and nothing else.
      writeAttributes: new ClientAttributes().withStandardAttributes(STAFF_WRITABLE_ATTRIBUTES),
      // Staff sign in with username and password (POST /v1/sessions): no hosted UI, no OAuth flows or callback URLs.
      disableOAuth: true,
    });
  }

  /**
   * The staff-accounts routes: the pool's id and the admin calls they make on this pool only.
   * `read` reads and lists; `manage` also creates (silently: Aduan mails the invitation),
   * enables and disables, sets a temporary password, and writes the attributes and groups that
   * decide access. Nothing deletes an account.
   */
  bindAdministration(fn: LambdaFunction, access: 'read' | 'manage') {
    fn.addEnvironment(ENV.userPoolId, this.pool.userPoolId);
    const read = ['cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:ListUsers', 'cognito-idp:ListUsersInGroup'];
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [
          ...read,
          ...(access === 'read'
            ? []
            : [
                'cognito-idp:AdminCreateUser',
                'cognito-idp:AdminDisableUser',
                'cognito-idp:AdminEnableUser',
                'cognito-idp:AdminSetUserPassword',
                'cognito-idp:AdminUpdateUserAttributes',
                'cognito-idp:AdminDeleteUserAttributes',
                'cognito-idp:AdminAddUserToGroup',
                'cognito-idp:AdminRemoveUserFromGroup',
              ]),
        ],
        resources: [this.pool.userPoolArn],
      }),
    );
  }

  /** The token verification contract: pool, client (audience) and issuer. */
  bindVerifier(fn: LambdaFunction) {
    const region = Stack.of(this).region;
    fn.addEnvironment(ENV.userPoolId, this.pool.userPoolId);
    fn.addEnvironment(ENV.userPoolClientId, this.client.userPoolClientId);
    fn.addEnvironment(ENV.jwtIssuer, `https://cognito-idp.${region}.amazonaws.com/${this.pool.userPoolId}`);
  }
}
