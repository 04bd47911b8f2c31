import { EventStore, PrincipalRecord } from '@crm/event-store';
import {
  AdministrativeChange,
  administrativeEvent,
  appendChained,
} from '../../audit/chained-administrative-append';
import {
  API_KEY_CREATED,
  API_KEY_REVOKED,
  API_KEYS_STREAM,
  ApiKeyCreatedData,
  ApiKeyRevokedData,
} from './api-key-events';
import { ApiKeyIndex, ApiKeyView } from './api-key-index';
import { generateApiKeyId, generateApiKeySecret, hashApiKeySecret } from './api-key-secret';

export type NewApiKey = {
  tenantId: string;
  subject: string;
  roles: string[];
  name?: string;
  expiresAt?: Date;
};

/** Shown once, at creation: the caller must keep the secret, the log keeps only its hash. */
export type CreatedApiKey = { key: ApiKeyView; secret: string };

export class ApiKeyNotFoundError extends Error {
  readonly code = 'API_KEY_NOT_FOUND';
  constructor(readonly keyId: string) {
    super(`API key ${keyId} does not exist`);
  }
}

/** Creates and revokes keys by appending to the key stream, then brings the index up to date. */
export class ApiKeyAdministration {
  constructor(
    private readonly store: EventStore,
    private readonly index: ApiKeyIndex,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  create(request: NewApiKey, by: PrincipalRecord): Promise<CreatedApiKey> {
    return this.createKey(request, by, 'any').then((created) => {
      if (!created) throw new Error('unreachable: an unconditional create always writes');
      return created;
    });
  }

  /** Creates the key only if no key exists yet (the bootstrap key); undefined otherwise. */
  createFirst(request: NewApiKey, by: PrincipalRecord): Promise<CreatedApiKey | undefined> {
    return this.createKey(request, by, 'first');
  }

  private async createKey(
    request: NewApiKey,
    by: PrincipalRecord,
    when: 'any' | 'first',
  ): Promise<CreatedApiKey | undefined> {
    const secret = generateApiKeySecret();
    const now = this.clock();
    const data: ApiKeyCreatedData = {
      keyId: generateApiKeyId(),
      tenantId: request.tenantId,
      subject: request.subject,
      roles: [...new Set(request.roles)],
      name: request.name ?? null,
      secretHash: hashApiKeySecret(secret),
      createdAt: now.toISOString(),
      expiresAt: request.expiresAt?.toISOString() ?? null,
    };
    const written = await this.append(
      API_KEY_CREATED,
      data,
      { tenantId: request.tenantId, commandType: 'CreateApiKey', by, at: now },
      when === 'first',
    );
    if (!written) return undefined;
    const key = this.index.get(data.keyId);
    if (!key) throw new Error(`API key ${data.keyId} was written but is not in the index`);
    return { key, secret };
  }

  /** Revokes a key of the tenant (any tenant when none is given); revoking twice is a no-op. */
  async revoke(keyId: string, by: PrincipalRecord, tenantId?: string): Promise<ApiKeyView> {
    await this.index.refresh();
    const key = this.index.get(keyId);
    if (!key || (tenantId !== undefined && key.tenantId !== tenantId)) {
      throw new ApiKeyNotFoundError(keyId);
    }
    if (key.revokedAt !== null) return key;
    const now = this.clock();
    const data: ApiKeyRevokedData = { keyId, revokedAt: now.toISOString() };
    await this.append(API_KEY_REVOKED, data, {
      tenantId: key.tenantId,
      commandType: 'RevokeApiKey',
      by,
      at: now,
    });
    return this.index.get(keyId) ?? key;
  }

  async list(tenantId?: string): Promise<ApiKeyView[]> {
    await this.index.refresh();
    return this.index.list(tenantId);
  }

  private async append(
    type: string,
    data: ApiKeyCreatedData | ApiKeyRevokedData,
    change: AdministrativeChange,
    onlyIntoEmptyStream = false,
  ): Promise<boolean> {
    const event = administrativeEvent(type, data, change);
    const written = await appendChained(this.store, API_KEYS_STREAM, event, onlyIntoEmptyStream);
    if (written) await this.index.refresh();
    return written;
  }
}
