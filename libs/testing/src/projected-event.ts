import { DomainEvent } from '@crm/domain';
import { EventMetadata, StoredEvent } from '@crm/event-store';
import { randomUUID } from 'node:crypto';

let nextPosition = 1n;

/**
 * A domain event as a projection receives it from the log, for projection unit tests:
 * `projectedEvent({ type: 'ContactCreated', data }, { recordedAt: '2026-01-02T10:00:00Z' })`.
 */
export const projectedEvent = <E extends DomainEvent>(
  event: E,
  options: {
    tenantId?: string;
    recordedAt?: string;
    position?: bigint;
    streamName?: string;
    revision?: bigint;
  } = {},
): StoredEvent<E> => {
  const tenantId = options.tenantId ?? 'acme';
  const metadata: EventMetadata = {
    tenantId,
    actorId: 'user-1',
    commandId: randomUUID(),
    commandType: 'Test',
    $correlationId: 'correlation-1',
    $causationId: 'causation-1',
    recordedAt: options.recordedAt ?? '2026-01-15T10:00:00.000Z',
  };
  const position = options.position ?? nextPosition++;
  return {
    ...event,
    id: randomUUID(),
    streamName: options.streamName ?? `test-${tenantId}.stream`,
    revision: options.revision ?? 0n,
    position,
    metadata,
    storedType: `${event.type}.v1`,
  };
};
