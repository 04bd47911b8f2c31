import { PrincipalRecord } from '@crm/event-store';

/** Who is calling, as a verified credential says: never read from a header. */
export type Principal = {
  kind: 'user' | 'api-key' | 'process';
  tenant: string;
  subject: string;
  roles: readonly string[];
  /** The API key's id, for kind 'api-key'. */
  keyId?: string;
  /** The token's issuer, for kind 'user'. */
  issuer?: string;
};

/** What the audit trail keeps of a principal (the tenant is already the event's). */
export const principalRecordOf = (principal: Principal): PrincipalRecord => ({
  kind: principal.kind,
  subject: principal.subject,
  ...(principal.keyId !== undefined && { keyId: principal.keyId }),
  ...(principal.issuer !== undefined && { issuer: principal.issuer }),
});

/** Tenant ids as credentials may carry them: what stream names and read-store keys accept. */
export const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
