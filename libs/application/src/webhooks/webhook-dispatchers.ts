import { EventSerializer, EventStore } from '@crm/event-store';
import { Logger } from '@nestjs/common';
import { SecretBox } from './secret-sealing';
import { CheckResult } from '../health/readiness';
import { reasonOf } from '../startup/startup-error';
import { DispatchSettings } from './webhook-backoff';
import { DeliveryOutcome, WebhookDispatcher } from './webhook-dispatcher';
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
      observe?: (outcome: DeliveryOutcome, durationMs?: number) => void;
    },
  ) {}

  /** Why each stopped dispatcher stopped, until its restart has run through a whole poll. */
  private readonly stoppedWith = new Map<string, string>();
  private registryError?: string;

  /** Down while reading the registrations fails or a dispatcher has stopped and not yet recovered. */
  health(): CheckResult {
    if (this.registryError === undefined && this.stoppedWith.size === 0) {
      return { status: 'up', dispatching: this.running.size };
    }
    return {
      status: 'down',
      ...(this.registryError !== undefined && { registry: this.registryError }),
      ...(this.stoppedWith.size > 0 && { stopped: Object.fromEntries(this.stoppedWith) }),
    };
  }

  async start(): Promise<void> {
    await this.sync();
    this.timer = setInterval(() => {
      this.sync().catch((error: unknown) => {
        this.registryError = reasonOf(error);
        this.logger.error(`reading the webhook registrations failed: ${String(error)}`);
      });
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
    this.registryError = undefined;
    if (this.stopped) return;
    const active = new Map(this.registry.active().map((webhook) => [webhook.id, webhook]));
    // A dispatcher restarted on the previous poll that still runs has recovered.
    for (const id of this.stoppedWith.keys()) {
      if (this.running.has(id) || !active.has(id)) this.stoppedWith.delete(id);
    }
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
        this.stoppedWith.set(id, reasonOf(error));
        this.logger.error(`webhook ${id} stopped, restarting: ${String(error)}`);
      });
      this.running.set(id, dispatcher);
      dispatcher.start();
    }
  }
}
