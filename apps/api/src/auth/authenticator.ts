import { ApiKeyIndex, isApiKeySecretShape, Principal } from '@crm/application';
import { JwtVerifier } from './jwt-verifier';
import { UnauthenticatedError } from './unauthenticated.error';

const BEARER = /^Bearer ([\x21-\x7e]{1,8192})$/i;

/** Turns an Authorization header into a verified principal, or throws UnauthenticatedError. */
export class Authenticator {
  constructor(
    private readonly apiKeys: ApiKeyIndex,
    private readonly jwt: JwtVerifier | undefined,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined) throw new UnauthenticatedError('no credential');
    const match = BEARER.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('not a bearer credential');
    const token = match[1];
    if (isApiKeySecretShape(token)) return this.apiKey(token);
    if (this.jwt) return this.jwt(token);
    throw new UnauthenticatedError('unknown credential');
  }

  private apiKey(secret: string): Principal {
    const key = this.apiKeys.find(secret);
    if (!key) throw new UnauthenticatedError('unknown, revoked or expired API key');
    return {
      kind: 'api-key',
      tenant: key.tenantId,
      subject: key.subject,
      roles: key.roles,
      keyId: key.keyId,
    };
  }
}
