import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Every secret starts with it, so secret scanners can find leaked keys. */
export const API_KEY_PREFIX = 'crm_';

const SECRET = /^crm_[A-Za-z0-9_-]{43}$/;

/** 256 random bits: long enough that a plain SHA-256 of it is a safe thing to store. */
export const generateApiKeySecret = (): string =>
  `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;

export const generateApiKeyId = (): string => `key_${randomUUID().replace(/-/g, '')}`;

export const hashApiKeySecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

export const isApiKeySecretShape = (token: string): boolean => SECRET.test(token);
