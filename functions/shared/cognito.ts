/** The user pool's client, for the functions that sign staff in or administer their accounts (created once, traced). */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoStaffAccounts } from '../adapters/cognito-staff-accounts';
import type { StaffAccounts } from '../core/staff-ports';
import { tracer } from './powertools';

export const cognito = tracer.captureAWSv3Client(new CognitoIdentityProviderClient({}));

/** The staff-accounts adapter `portsFor` builds for functions that declare `staffAccounts()`. */
export const cognitoStaffAccounts = (userPoolId: string): StaffAccounts => new CognitoStaffAccounts(cognito, userPoolId);
