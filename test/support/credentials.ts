import { createHmac } from 'node:crypto';

/** The identity provider the test app trusts: an HS256 secret, an issuer and an audience. */
export const TEST_AUTH_ENV = {
  CRM_AUTH_JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long',
  CRM_AUTH_ISSUER: 'https://idp.test',
  CRM_AUTH_AUDIENCE: 'crm-api',
} as const;

export type TokenClaims = {
  sub: string;
  tenant: string;
  roles: string[];
  [claim: string]: unknown;
};

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * Signs an HS256 JWT synchronously, so an agent can carry one without awaiting. Only tests
 * mint tokens; the API verifies them with jose, so a token this gets wrong is refused there.
 */
export const mintToken = (
  claims: TokenClaims,
  options: { secret?: string; header?: Record<string, unknown>; lifetimeSeconds?: number } = {},
): string => {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: TEST_AUTH_ENV.CRM_AUTH_ISSUER,
    aud: TEST_AUTH_ENV.CRM_AUTH_AUDIENCE,
    iat: now,
    exp: now + (options.lifetimeSeconds ?? 3600),
    ...claims,
  };
  const head = base64url(JSON.stringify(options.header ?? { alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', options.secret ?? TEST_AUTH_ENV.CRM_AUTH_JWT_SECRET)
    .update(`${head}.${body}`)
    .digest('base64url');
  return `${head}.${body}.${signature}`;
};
