import { AppConfig, Principal, TENANT_ID } from '@crm/application';
import {
  createRemoteJWKSet,
  errors,
  importSPKI,
  JWTPayload,
  JWTVerifyGetKey,
  jwtVerify,
  KeyObject,
} from 'jose';
import { createPublicKey } from 'node:crypto';
import { UnauthenticatedError } from './unauthenticated.error';

export type JwtVerifier = (token: string) => Promise<Principal>;

const RSA = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
const EC_BY_CURVE: Record<string, string> = {
  'P-256': 'ES256',
  'P-384': 'ES384',
  'P-521': 'ES512',
};
/** What an identity provider's JWKS may sign with: asymmetric only, never HS* or none. */
const JWKS_ALGORITHMS = [...RSA, ...Object.values(EC_BY_CURVE), 'EdDSA'];

/** The algorithms a PEM key can verify, pinned by its type so a token cannot pick another. */
const algorithmsForPem = (pem: string): string[] => {
  const key = createPublicKey(pem);
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return RSA.filter((alg) => alg.startsWith('RS'));
    case 'rsa-pss':
      return RSA.filter((alg) => alg.startsWith('PS'));
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      const alg = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' }[curve ?? ''];
      if (!alg) throw new Error(`CRM_AUTH_JWT_PUBLIC_KEY: unsupported curve ${curve}`);
      return [alg];
    }
    case 'ed25519':
      return ['EdDSA'];
    default:
      throw new Error(`CRM_AUTH_JWT_PUBLIC_KEY: unsupported key type ${key.asymmetricKeyType}`);
  }
};

type KeySource = {
  key: Uint8Array | KeyObject | JWTVerifyGetKey;
  algorithms: string[];
};

const keySourceFor = async (config: AppConfig): Promise<KeySource | undefined> => {
  if (config.CRM_AUTH_JWT_SECRET !== undefined) {
    return { key: new TextEncoder().encode(config.CRM_AUTH_JWT_SECRET), algorithms: ['HS256'] };
  }
  if (config.CRM_AUTH_JWT_PUBLIC_KEY !== undefined) {
    const pem = config.CRM_AUTH_JWT_PUBLIC_KEY.replace(/\\n/g, '\n');
    const algorithms = algorithmsForPem(pem);
    return { key: await importSPKI(pem, algorithms[0]), algorithms };
  }
  if (config.CRM_AUTH_JWKS_URL !== undefined) {
    return {
      key: createRemoteJWKSet(new URL(config.CRM_AUTH_JWKS_URL)),
      algorithms: JWKS_ALGORITHMS,
    };
  }
  return undefined;
};

const rolesFrom = (value: unknown): string[] => {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value) && value.every((role) => typeof role === 'string')) return value;
  return [];
};

/** Reads a claim by name; a name with dots or slashes may also be a path into nested claims. */
const claim = (payload: JWTPayload, name: string): unknown => {
  if (name in payload) return payload[name];
  return name.split('.').reduce<unknown>((value, part) => {
    return value && typeof value === 'object'
      ? (value as Record<string, unknown>)[part]
      : undefined;
  }, payload);
};

/**
 * Verifies bearer JWTs with jose: signature with the configured key and only its algorithms,
 * issuer, audience, exp (required) and nbf with a bounded clock tolerance, then a subject and a
 * tenant claim. Undefined when no JWT key is configured: then only API keys are accepted.
 */
export const createJwtVerifier = async (
  config: AppConfig,
  clock: () => Date = () => new Date(),
): Promise<JwtVerifier | undefined> => {
  const source = await keySourceFor(config);
  if (!source) return undefined;
  const issuer = config.CRM_AUTH_ISSUER;
  const audience = config.CRM_AUTH_AUDIENCE;
  if (issuer === undefined || audience === undefined) {
    throw new Error('CRM_AUTH_ISSUER and CRM_AUTH_AUDIENCE are required when JWTs are accepted');
  }
  return async (token) => {
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: source.algorithms,
        issuer,
        audience,
        clockTolerance: config.CRM_AUTH_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
        currentDate: clock(),
      };
      const verified =
        typeof source.key === 'function'
          ? await jwtVerify(token, source.key, options)
          : await jwtVerify(token, source.key, options);
      payload = verified.payload;
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new UnauthenticatedError(`jwt: ${error.code}`);
      throw error;
    }
    const tenant = claim(payload, config.CRM_AUTH_TENANT_CLAIM);
    if (typeof tenant !== 'string' || !TENANT_ID.test(tenant)) {
      throw new UnauthenticatedError('jwt: no valid tenant claim');
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 200) {
      throw new UnauthenticatedError('jwt: no valid subject');
    }
    return {
      kind: 'user',
      tenant,
      subject: payload.sub,
      roles: rolesFrom(claim(payload, config.CRM_AUTH_ROLES_CLAIM)),
      issuer,
    };
  };
};
