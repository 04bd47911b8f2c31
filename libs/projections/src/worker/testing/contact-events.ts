import { ContactCreated, ContactTagged, DomainEvent } from '@crm/domain';
import { EventMetadata, EventSerializer, EventStore } from '@crm/event-store';
import { randomUUID } from 'node:crypto';

const metadata = (recordedAt: string): EventMetadata => {
  const commandId = randomUUID();
  return {
    tenantId: 'acme',
    actorId: 'tester',
    commandId,
    commandType: 'Test',
    $correlationId: commandId,
    $causationId: commandId,
    recordedAt,
  };
};

/**
 * Appends `count` contacts to the log, each created and then tagged (two events, one stream),
 * straight through the event store. Returns the position of the last event.
 */
export const appendContacts = async (
  events: EventStore,
  serializer: EventSerializer,
  count: number,
  prefix = randomUUID().slice(0, 8),
): Promise<bigint> => {
  let position = -1n;
  for (let index = 0; index < count; index += 1) {
    const contactId = `${prefix}-${index}`;
    const recordedAt = new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString();
    const created: ContactCreated = {
      type: 'ContactCreated',
      data: { contactId, firstName: 'Ada', lastName: `Test ${index}`, emails: [], phones: [] },
    };
    const tagged: ContactTagged = { type: 'ContactTagged', data: { contactId, tag: prefix } };
    const stored = [created, tagged].map((event: DomainEvent) =>
      serializer.serialize(event, randomUUID(), metadata(recordedAt)),
    );
    position = (await events.appendToStream(`contact-acme.${contactId}`, stored)).position;
  }
  return position;
};
