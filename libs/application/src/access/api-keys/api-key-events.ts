/**
 * API keys live in the event log like everything else, in one stream of their own: every
 * process that shares the log (the API, the CLI beside it) sees the same keys, creations and
 * revocations are audited and hash-chained, and no second database is needed.
 */
export const API_KEYS_STREAM = 'crm.api-keys';

export const API_KEY_CREATED = 'ApiKeyCreated.v1';
export const API_KEY_REVOKED = 'ApiKeyRevoked.v1';

export type ApiKeyCreatedData = {
  keyId: string;
  tenantId: string;
  subject: string;
  roles: string[];
  name: string | null;
  /** SHA-256 of the secret, hex; the secret itself is never stored. */
  secretHash: string;
  createdAt: string;
  expiresAt: string | null;
};

export type ApiKeyRevokedData = { keyId: string; revokedAt: string };
