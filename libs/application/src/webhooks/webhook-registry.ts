import { EventStore, PrincipalRecord, RecordedEvent } from '@crm/event-store';
import { randomBytes, randomUUID } from 'node:crypto';
import { administrativeEvent, appendChained } from '../audit/chained-administrative-append';
import { deterministicId } from '../deterministic-id';
import { SecretBox } from './secret-sealing';
import { TargetPolicy } from './target-safety';
import {
  isRegistrationType,
  WEBHOOK_TENANT_ADDED,
  WEBHOOK_TENANTS_STREAM,
  WebhookRegisteredData,
  WebhookRegistrationEvent,
  webhookStream,
} from './webhook-events';

/** A webhook as shown: never its secret. */
export type WebhookView = {
  id: string;
  url: string;
  eventTypes: string[];
  description: string | null;
  createdAt: string;
  deletedAt: string | null;
};

/** What a dispatcher needs of a webhook, the sealed secret included. */
export type ActiveWebhook = WebhookView & {
  tenantId: string;
  sealedSecret: string;
  fromPosition: bigint;
  /** Where the deletion is in the log: events after it are not delivered. */
  deletedPosition?: bigint;
};

export type NewWebhook = {
  url: string;
  eventTypes: string[];
  /** Generated when absent; answered once, at creation. */
  secret?: string;
  description?: string;
};

export class WebhookNotFoundError extends Error {
  readonly code = 'WEBHOOK_NOT_FOUND';
  constructor(readonly webhookId: string) {
    super(`webhook ${webhookId} does not exist`);
  }
}

export const WEBHOOK_ID = /^wh_[0-9a-f]{32}$/;

const viewOf = (webhook: ActiveWebhook): WebhookView => ({
  id: webhook.id,
  url: webhook.url,
  eventTypes: [...webhook.eventTypes],
  description: webhook.description,
  createdAt: webhook.createdAt,
  deletedAt: webhook.deletedAt,
});

/**
 * Every tenant's webhooks, read from their streams and kept current by reading on from where it
 * stopped; registers and deletes by appending (hash-chained, with the principal).
 */
export class WebhookRegistry {
  private readonly webhooks = new Map<string, ActiveWebhook>();
  private readonly nextRevisions = new Map<string, bigint>();
  private tenantsRevision = 0n;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly policy: TargetPolicy,
    private readonly secrets: () => SecretBox,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Reads what was appended since the last refresh; concurrent callers share one read. */
  refresh(): Promise<void> {
    this.refreshing ??= this.readNew().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** The target is checked (TargetRefusedError) before anything is written. */
  async register(
    tenantId: string,
    request: NewWebhook,
    by: PrincipalRecord,
  ): Promise<{ webhook: WebhookView; secret: string }> {
    await this.policy.check(request.url);
    const webhookId = `wh_${randomUUID().replace(/-/g, '')}`;
    const secret = request.secret ?? `whsec_${randomBytes(32).toString('base64url')}`;
    const now = this.clock();
    const data: WebhookRegisteredData = {
      webhookId,
      tenantId,
      url: request.url,
      eventTypes: [...new Set(request.eventTypes)],
      description: request.description ?? null,
      sealedSecret: this.secrets().seal(secret, webhookId),
      fromPosition: (await this.store.headPosition()).toString(),
      createdAt: now.toISOString(),
    };
    await this.addTenant(tenantId);
    await this.append(tenantId, { type: 'WebhookRegistered.v1', data }, 'RegisterWebhook', by);
    return { webhook: this.view(tenantId, webhookId), secret };
  }

  async delete(tenantId: string, webhookId: string, by: PrincipalRecord): Promise<WebhookView> {
    const webhook = await this.get(tenantId, webhookId);
    if (webhook.deletedAt !== null) return webhook;
    const data = { webhookId, deletedAt: this.clock().toISOString() };
    await this.append(tenantId, { type: 'WebhookDeleted.v1', data }, 'DeleteWebhook', by);
    return this.view(tenantId, webhookId);
  }

  async list(tenantId: string): Promise<WebhookView[]> {
    await this.refresh();
    return [...this.webhooks.values()].filter((w) => w.tenantId === tenantId).map(viewOf);
  }

  async get(tenantId: string, webhookId: string): Promise<WebhookView> {
    await this.refresh();
    return this.view(tenantId, webhookId);
  }

  /** Webhooks not deleted, of every tenant, as the dispatchers run them. */
  active(): ActiveWebhook[] {
    return [...this.webhooks.values()].filter((webhook) => webhook.deletedAt === null);
  }

  /** Whether an event at this position is still for the webhook (it is not deleted before it). */
  deliversAt(webhookId: string, position: bigint): boolean {
    const webhook = this.webhooks.get(webhookId);
    return (
      webhook !== undefined &&
      (webhook.deletedPosition === undefined || position < webhook.deletedPosition)
    );
  }

  private view(tenantId: string, webhookId: string): WebhookView {
    const webhook = this.webhooks.get(webhookId);
    if (!webhook || webhook.tenantId !== tenantId) throw new WebhookNotFoundError(webhookId);
    return viewOf(webhook);
  }

  /** Once per tenant (the event id is derived from it), so the registry finds its stream. */
  private async addTenant(tenantId: string): Promise<void> {
    const uuid = deterministicId('webhook-tenant', tenantId);
    await this.store.appendToStream(WEBHOOK_TENANTS_STREAM, [
      { id: uuid, type: WEBHOOK_TENANT_ADDED, data: { tenantId }, metadata: {} },
    ]);
  }

  private async append(
    tenantId: string,
    event: WebhookRegistrationEvent,
    commandType: string,
    by: PrincipalRecord,
  ): Promise<void> {
    const change = { tenantId, commandType, by, at: this.clock() };
    const toAppend = administrativeEvent(event.type, event.data, change);
    await appendChained(this.store, webhookStream(tenantId), toAppend);
    await this.refresh();
  }

  private async readNew(): Promise<void> {
    const tenants = await this.store.readStream(WEBHOOK_TENANTS_STREAM, {
      fromRevision: this.tenantsRevision,
    });
    for (const event of tenants) {
      this.tenantsRevision = event.revision + 1n;
      const tenantId = String(event.data.tenantId);
      if (!this.nextRevisions.has(tenantId)) this.nextRevisions.set(tenantId, 0n);
    }
    for (const [tenantId, fromRevision] of this.nextRevisions) {
      const events = await this.store.readStream(webhookStream(tenantId), { fromRevision });
      for (const event of events) this.apply(tenantId, event);
    }
  }

  private apply(tenantId: string, recorded: RecordedEvent): void {
    this.nextRevisions.set(tenantId, recorded.revision + 1n);
    if (!isRegistrationType(recorded.type)) return;
    const event = { type: recorded.type, data: recorded.data } as WebhookRegistrationEvent;
    switch (event.type) {
      case 'WebhookRegistered.v1': {
        const { webhookId, url, eventTypes, description, sealedSecret, createdAt } = event.data;
        this.webhooks.set(webhookId, {
          id: webhookId,
          tenantId,
          url,
          eventTypes: [...eventTypes],
          description,
          createdAt,
          deletedAt: null,
          sealedSecret,
          fromPosition: BigInt(event.data.fromPosition),
        });
        return;
      }
      case 'WebhookDeleted.v1': {
        const webhook = this.webhooks.get(event.data.webhookId);
        if (webhook) {
          webhook.deletedAt = event.data.deletedAt;
          webhook.deletedPosition = recorded.position;
        }
        return;
      }
      default: {
        const unhandled: never = event;
        throw new Error(`unknown webhook event ${JSON.stringify(unhandled)}`);
      }
    }
  }
}
