import { EventSerializer, EventStore } from '@crm/event-store';
import { Logger } from '@nestjs/common';
import { SecretBox } from './secret-sealing';
import { DispatchSettings } from './webhook-backoff';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookRegistry } from './webhook-registry';
import { WebhookSender } from './webhook-sender';

/**
 * Runs one dispatcher per webhook not deleted, following the registry: a webhook registered
 * (here or by another process on the same log) starts within one poll, a deleted one stops.
 */
export class WebhookDispatchers {
  private readonly logger = new Logger('Webhooks');
  private readonly running = new Map<string, WebhookDispatcher>();
  private timer?: NodeJS.Timeout;
  private syncing?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly registry: WebhookRegistry,
    private readonly deps: {
      store: EventStore;
      serializer: EventSerializer;
      sender: WebhookSender;
      secrets: () => SecretBox;
      settings: DispatchSettings;
      pollIntervalMs?: number;
    },
  ) {}

  async start(): Promise<void> {
    await this.sync();
    this.timer = setInterval(() => {
      this.sync().catch((error: unknown) =>
        this.logger.error(`reading the webhook registrations failed: ${String(error)}`),
      );
    }, this.deps.pollIntervalMs ?? 250);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.syncing;
    await Promise.all([...this.running.values()].map((dispatcher) => dispatcher.stop()));
    this.running.clear();
  }

  /** Ids of the webhooks being dispatched here. */
  dispatching(): string[] {
    return [...this.running.keys()];
  }

  private sync(): Promise<void> {
    this.syncing ??= this.reconcile().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async reconcile(): Promise<void> {
    await this.registry.refresh();
    if (this.stopped) return;
    const active = new Map(this.registry.active().map((webhook) => [webhook.id, webhook]));
    for (const [id, dispatcher] of this.running) {
      if (!active.has(id)) {
        this.running.delete(id);
        await dispatcher.stop();
      }
    }
    for (const [id, webhook] of active) {
      if (this.running.has(id)) continue;
      const deps = {
        ...this.deps,
        deliversAt: (webhookId: string, position: bigint) =>
          this.registry.deliversAt(webhookId, position),
      };
      const dispatcher = new WebhookDispatcher(webhook, deps, (error) => {
        // Started again on the next poll, from its checkpoint.
        if (this.running.get(id) === dispatcher) this.running.delete(id);
        this.logger.error(`webhook ${id} stopped, restarting: ${String(error)}`);
      });
      this.running.set(id, dispatcher);
      dispatcher.start();
    }
  }
}
