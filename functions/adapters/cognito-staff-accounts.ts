import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { LANGUAGES, type Language } from '../core/languages';
import type { Page, PagePosition } from '../core/ports';
import { type AccountStatus, type Placement, STAFF_GROUP_NAMES, type StaffAccount, type StaffGroup } from '../core/staff-accounts';
import type { StaffAccounts } from '../core/staff-ports';

const AGENCY = 'custom:agencyId';
const LOCALE = 'locale';
const PROVINCE = 'custom:provinceCode';

function statusOf(u: { Enabled?: boolean; UserStatus?: string }): AccountStatus {
  if (u.Enabled === false) return 'DISABLED';
  return u.UserStatus === 'FORCE_CHANGE_PASSWORD' || u.UserStatus === 'RESET_REQUIRED' ? 'INVITED' : 'ACTIVE';
}

function accountOf(
  u: { Username?: string; UserCreateDate?: Date; Enabled?: boolean; UserStatus?: string },
  attributes: AttributeType[],
  groups: StaffGroup[],
  mfa: boolean,
): StaffAccount {
  const attr = (name: string) => attributes.find((a) => a.Name === name)?.Value;
  const agencyId = attr(AGENCY);
  const provinceCode = attr(PROVINCE);
  // The profile's language is the pool's standard `locale` attribute.
  const language = LANGUAGES.find((l) => l === attr(LOCALE));
  return {
    username: u.Username ?? '',
    name: attr('name') ?? '',
    email: attr('email') ?? '',
    // An account in several groups (set by hand outside Aduan) shows its first: the portal manages one each.
    group: groups[0] ?? STAFF_GROUP_NAMES[0],
    ...(agencyId ? { agencyId } : {}),
    ...(provinceCode ? { provinceCode } : {}),
    status: statusOf(u),
    mfa,
    createdAt: (u.UserCreateDate ?? new Date(0)).toISOString(),
    ...(language ? { language } : {}),
  };
}

/**
 * Staff accounts in the Cognito user pool, through the admin API: invitations are created
 * silently (MessageAction SUPPRESS) because Aduan mails them itself, the same way locally and in
 * AWS; groups and the custom attributes are the access the API reads from the ID token.
 */
export class CognitoStaffAccounts implements StaffAccounts {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async get(username: string): Promise<StaffAccount | undefined> {
    try {
      const u = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }));
      const groups = await this.groupsOf(username);
      return accountOf({ ...u, Username: u.Username ?? username }, u.UserAttributes ?? [], groups, (u.UserMFASettingList ?? []).length > 0);
    } catch (error) {
      if (error instanceof UserNotFoundException) return undefined;
      throw error;
    }
  }

  async list(opts: { group?: StaffGroup; limit: number; after?: PagePosition }): Promise<Page<StaffAccount>> {
    // Each account of a page is read whole (its groups, its authenticator): pages stay small.
    const limit = Math.min(opts.limit, 25);
    const token = opts.after as string | undefined;
    const res = opts.group
      ? await this.client.send(
          new ListUsersInGroupCommand({ UserPoolId: this.userPoolId, GroupName: opts.group, Limit: limit, ...(token ? { NextToken: token } : {}) }),
        )
      : await this.client.send(new ListUsersCommand({ UserPoolId: this.userPoolId, Limit: limit, ...(token ? { PaginationToken: token } : {}) }));
    const read = await Promise.all((res.Users ?? []).map((u) => this.get(u.Username ?? '')));
    const items = read.filter((a): a is StaffAccount => a !== undefined);
    const next = 'NextToken' in res ? res.NextToken : (res as { PaginationToken?: string }).PaginationToken;
    return { items, ...(next ? { next: next as PagePosition } : {}) };
  }

  async create(invitation: Parameters<StaffAccounts['create']>[0], temporaryPassword: string): Promise<boolean> {
    try {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: invitation.username,
          TemporaryPassword: temporaryPassword,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'name', Value: invitation.name },
            { Name: 'email', Value: invitation.email },
            { Name: 'email_verified', Value: 'true' },
            ...(invitation.language ? [{ Name: LOCALE, Value: invitation.language }] : []),
            ...this.placementAttributes(invitation),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof UsernameExistsException) return false;
      throw error;
    }
    await this.client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: invitation.username, GroupName: invitation.group }));
    return true;
  }

  async setLanguage(username: string, language: Language): Promise<void> {
    await this.client.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: this.userPoolId, Username: username, UserAttributes: [{ Name: LOCALE, Value: language }] }),
    );
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    const input = { UserPoolId: this.userPoolId, Username: username };
    await this.client.send(enabled ? new AdminEnableUserCommand(input) : new AdminDisableUserCommand(input));
  }

  async setTemporaryPassword(username: string, temporaryPassword: string): Promise<void> {
    await this.client.send(new AdminSetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: username, Password: temporaryPassword, Permanent: false }));
  }

  async place(username: string, from: Placement, to: Placement): Promise<void> {
    // Attributes first: an account briefly in its new group with its old agency would act for the wrong one.
    const set = this.placementAttributes(to);
    if (set.length) await this.client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: this.userPoolId, Username: username, UserAttributes: set }));
    const stale = this.staleAttributes(to).filter((name) => (name === AGENCY ? from.agencyId : from.provinceCode));
    if (stale.length)
      await this.client.send(new AdminDeleteUserAttributesCommand({ UserPoolId: this.userPoolId, Username: username, UserAttributeNames: stale }));
    if (from.group !== to.group) {
      await this.client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: to.group }));
      await this.client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: from.group }));
    }
  }

  private placementAttributes(p: Placement): AttributeType[] {
    return [...(p.agencyId ? [{ Name: AGENCY, Value: p.agencyId }] : []), ...(p.provinceCode ? [{ Name: PROVINCE, Value: p.provinceCode }] : [])];
  }

  /** The placement attributes this placement does not have. */
  private staleAttributes(p: Placement): string[] {
    return [...(p.agencyId ? [] : [AGENCY]), ...(p.provinceCode ? [] : [PROVINCE])];
  }

  private async groupsOf(username: string): Promise<StaffGroup[]> {
    const res = await this.client.send(new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    return (res.Groups ?? []).map((g) => g.GroupName).filter((g): g is StaffGroup => STAFF_GROUP_NAMES.includes(g as StaffGroup));
  }
}
