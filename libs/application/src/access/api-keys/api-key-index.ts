import { EventStore, RecordedEvent } from '@crm/event-store';
import {
  API_KEY_CREATED,
  API_KEY_REVOKED,
  API_KEYS_STREAM,
  ApiKeyCreatedData,
  ApiKeyRevokedData,
} from './api-key-events';
import { hashApiKeySecret } from './api-key-secret';

/** A key as listed: everything but its hash. */
export type ApiKeyView = {
  keyId: string;
  tenantId: string;
  subject: string;
  roles: string[];
  name: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
};

type IndexedKey = ApiKeyView & { secretHash: string };

/**
 * Every API key in memory, kept current by reading the key stream from where it last stopped.
 * Polling one stream costs one indexed read whatever the size of the log, starts in
 * milliseconds, works the same on every event-store adapter, and sees a key the CLI created
 * or revoked in another process within one poll interval.
 */
export class ApiKeyIndex {
  private readonly byId = new Map<string, IndexedKey>();
  private readonly byHash = new Map<string, string>();
  private nextRevision = 0n;
  private refreshing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** When the index last caught up with the stream; a stale index refuses every key. */
  private caughtUpAt = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: { pollIntervalMs?: number; clock?: () => Date } = {},
  ) {}

  /** Reads what was appended since the last refresh; concurrent callers share one read. */
  refresh(): Promise<void> {
    this.refreshing ??= this.readNewEvents().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Catches up, then keeps catching up in the background until stop(). */
  async start(onError: (error: unknown) => void): Promise<void> {
    await this.refresh();
    const interval = this.pollIntervalMs;
    this.timer = setInterval(() => this.refresh().catch(onError), interval);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The active key this secret belongs to, or undefined (unknown, revoked, expired or stale). */
  find(secret: string): ApiKeyView | undefined {
    if (this.isStale()) return undefined;
    const keyId = this.byHash.get(hashApiKeySecret(secret));
    const key = keyId === undefined ? undefined : this.byId.get(keyId);
    if (!key || key.revokedAt !== null) return undefined;
    if (key.expiresAt !== null && Date.parse(key.expiresAt) <= this.now().getTime()) {
      return undefined;
    }
    return viewOf(key);
  }

  get(keyId: string): ApiKeyView | undefined {
    const key = this.byId.get(keyId);
    return key && viewOf(key);
  }

  list(tenantId?: string): ApiKeyView[] {
    return [...this.byId.values()]
      .filter((key) => tenantId === undefined || key.tenantId === tenantId)
      .map(viewOf);
  }

  get size(): number {
    return this.byId.size;
  }

  private get pollIntervalMs(): number {
    return this.options.pollIntervalMs ?? 250;
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  /** A revocation must not go unseen because reads fail: after 20 missed polls, refuse keys. */
  private isStale(): boolean {
    return this.timer !== undefined && Date.now() - this.caughtUpAt > this.pollIntervalMs * 20;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const events = await this.store.readStream(API_KEYS_STREAM, {
        fromRevision: this.nextRevision,
        maxCount: 1000,
      });
      for (const event of events) this.apply(event);
      if (events.length < 1000) break;
    }
    this.caughtUpAt = Date.now();
  }

  private apply(event: RecordedEvent): void {
    this.nextRevision = event.revision + 1n;
    if (event.type === API_KEY_CREATED) {
      const data = event.data as unknown as ApiKeyCreatedData;
      this.byId.set(data.keyId, {
        keyId: data.keyId,
        tenantId: data.tenantId,
        subject: data.subject,
        roles: [...data.roles],
        name: data.name,
        createdAt: data.createdAt,
        expiresAt: data.expiresAt,
        revokedAt: null,
        secretHash: data.secretHash,
      });
      this.byHash.set(data.secretHash, data.keyId);
    } else if (event.type === API_KEY_REVOKED) {
      const data = event.data as unknown as ApiKeyRevokedData;
      const key = this.byId.get(data.keyId);
      if (key) key.revokedAt = data.revokedAt;
    }
  }
}

const viewOf = ({ secretHash: _hash, ...view }: IndexedKey): ApiKeyView => ({
  ...view,
  roles: [...view.roles],
});
