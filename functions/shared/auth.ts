import type { APIGatewayProxyEvent } from 'aws-lambda';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { Caller } from '../core/access';
import { refusal } from '../core/errors';
import { rolesFromGroups, type StaffPrincipal } from '../core/staff';
import { ENV, optionalEnv } from './env';
import { bearerToken } from './http';

const unauthorized = (key: 'staffTokensRefused' | 'staffTokenInvalid' | 'idTokenNeeded' | 'signInFirst') => refusal('UNAUTHORIZED', key);

/** Cognito group claims arrive as an array (raw JWT) or a string (API Gateway authorizer claims). */
function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim === 'string')
    return claim
      .replace(/^\[|\]$/g, '')
      .split(/[,\s]+/)
      .filter(Boolean);
  return [];
}

export function principalFromClaims(claims: Record<string, unknown>): StaffPrincipal {
  const agencyId = claims['custom:agencyId'];
  const provinceCode = claims['custom:provinceCode'];
  return {
    kind: 'STAFF',
    username: String(claims['cognito:username'] ?? claims.username ?? claims.sub),
    roles: rolesFromGroups(groupsOf(claims['cognito:groups'])),
    ...(typeof agencyId === 'string' && agencyId ? { agencyId } : {}),
    ...(typeof provinceCode === 'string' && provinceCode ? { provinceCode } : {}),
  };
}

export type StaffTokenVerifier = (token: string) => Promise<StaffPrincipal>;

/**
 * Verifies Cognito ID tokens: signature (JWKS), issuer, audience (the staff client), expiry and
 * token use. Built once per function at cold start from its environment.
 */
export function staffTokenVerifier(): StaffTokenVerifier {
  const issuer = optionalEnv(ENV.jwtIssuer);
  const audience = optionalEnv(ENV.userPoolClientId);
  const jwks = issuer ? createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)) : undefined;
  return async (token) => {
    if (!issuer || !audience || !jwks) throw unauthorized('staffTokensRefused');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer, audience }));
    } catch {
      throw unauthorized('staffTokenInvalid');
    }
    if (payload.token_use !== 'id') throw unauthorized('idTokenNeeded');
    return principalFromClaims(payload as Record<string, unknown>);
  };
}

const looksLikeJwt = (t: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(t);

/** Routes open to staff and reporters alike verify here; staff-only routes come pre-verified by the gateway. */
export async function callerOf(event: APIGatewayProxyEvent, verify: StaffTokenVerifier): Promise<Caller> {
  const claims = event.requestContext?.authorizer?.claims as Record<string, unknown> | undefined;
  if (claims) return { kind: 'STAFF', principal: principalFromClaims(claims) };
  const token = bearerToken(event);
  if (!token) return { kind: 'NONE' };
  if (looksLikeJwt(token)) return { kind: 'STAFF', principal: await verify(token) };
  return { kind: 'TOKEN', token };
}

/** For staff-only routes: the gateway's verified claims (API Gateway Cognito authorizer, or the local gateway). */
export function staffOf(event: APIGatewayProxyEvent): StaffPrincipal {
  const claims = event.requestContext?.authorizer?.claims as Record<string, unknown> | undefined;
  if (!claims) throw unauthorized('signInFirst');
  return principalFromClaims(claims);
}
