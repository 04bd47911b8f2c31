import {
  EventStore,
  JsonObject,
  PrincipalRecord,
  WrongExpectedRevisionError,
} from '@crm/event-store';
import { randomUUID } from 'node:crypto';
import { DeliveryRecord, readDeliveryLog } from './webhook-delivery-log';
import { deliveryStream, RedeliveryRequestedData } from './webhook-events';
import { WebhookRegistry } from './webhook-registry';

export class DeliveryNotFoundError extends Error {
  readonly code = 'WEBHOOK_DELIVERY_NOT_FOUND';
  constructor(readonly deliveryId: string) {
    super(`delivery ${deliveryId} does not exist`);
  }
}

export class DeliveryPendingError extends Error {
  readonly code = 'WEBHOOK_DELIVERY_PENDING';
  constructor(readonly deliveryId: string) {
    super(`delivery ${deliveryId} is still being attempted; redeliver it once it has ended`);
  }
}

export const DELIVERY_ID = /^dlv_[0-9a-f]{32}$/;

/** A delivery as answered: the dispatcher's round bookkeeping left out. */
export type DeliveryView = Omit<DeliveryRecord, 'trigger' | 'roundAttempts'>;

/** A webhook's delivery log as answered, and redelivery on request. */
export class WebhookDeliveries {
  constructor(
    private readonly store: EventStore,
    private readonly registry: WebhookRegistry,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Every delivery of the webhook, in log order, with its attempts. */
  async list(tenantId: string, webhookId: string): Promise<DeliveryView[]> {
    await this.registry.get(tenantId, webhookId);
    const log = await readDeliveryLog(this.store, webhookId);
    return [...log.deliveries.values()]
      .sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1))
      .map(({ trigger: _trigger, roundAttempts: _round, ...view }) => view);
  }

  /**
   * Asks for an ended delivery (succeeded or dead-lettered) to be sent again, under the same
   * delivery id: the request goes into the delivery log, where the webhook's dispatcher reads it.
   */
  async redeliver(
    tenantId: string,
    webhookId: string,
    deliveryId: string,
    by: PrincipalRecord,
  ): Promise<{ deliveryId: string; status: 'pending'; position: string }> {
    const webhook = await this.registry.get(tenantId, webhookId);
    if (webhook.deletedAt !== null) throw new DeliveryNotFoundError(deliveryId);
    for (;;) {
      const log = await readDeliveryLog(this.store, webhookId);
      const record = log.deliveries.get(deliveryId);
      if (!record) throw new DeliveryNotFoundError(deliveryId);
      if (record.status === 'pending') throw new DeliveryPendingError(deliveryId);
      const { status: _s, attempts: _a, trigger: _t, roundAttempts: _r, ...rest } = record;
      const data: RedeliveryRequestedData = {
        delivery: {
          deliveryId: rest.deliveryId,
          eventId: rest.eventId,
          eventType: rest.eventType,
          streamName: rest.streamName,
          revision: rest.revision,
          position: rest.position,
        },
        requestedAt: this.clock().toISOString(),
      };
      const commandId = randomUUID();
      try {
        const { position } = await this.store.appendToStream(
          deliveryStream(webhookId),
          [
            {
              id: randomUUID(),
              type: 'WebhookRedeliveryRequested.v1',
              data: data as unknown as JsonObject,
              metadata: {
                tenantId,
                webhookId,
                actorId: by.subject,
                principal: by as unknown as JsonObject,
                commandId,
                commandType: 'RedeliverWebhookDelivery',
                $correlationId: commandId,
                $causationId: commandId,
                recordedAt: data.requestedAt,
              },
            },
          ],
          { expectedRevision: log.revision },
        );
        return { deliveryId, status: 'pending', position: position.toString() };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }
}
