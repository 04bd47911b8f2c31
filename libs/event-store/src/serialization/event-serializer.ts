import { DomainEvent } from '@crm/domain';
import { EventToAppend, JsonObject, RecordedEvent } from '../event-store';
import { EventMetadata } from './event-metadata';
import { formatEventTypeName, parseEventTypeName } from './event-type-name';
import { EventSchemaRegistry } from './upcasting';

/** A stored event turned back into the domain's shape, with everything the log knows of it. */
export type StoredEvent<E extends DomainEvent = DomainEvent> = E & {
  id: string;
  streamName: string;
  revision: bigint;
  position: bigint;
  metadata: EventMetadata;
  /** The type as stored, version included: what the audit trail shows. */
  storedType: string;
};

/** The one place where domain events become plain JSON records and back. */
export type EventSerializer = {
  serialize(event: DomainEvent, id: string, metadata: EventMetadata): EventToAppend;
  deserialize<E extends DomainEvent = DomainEvent>(recorded: RecordedEvent): StoredEvent<E>;
};

export const createEventSerializer = (schemas: EventSchemaRegistry): EventSerializer => ({
  serialize(event, id, metadata) {
    return {
      id,
      type: formatEventTypeName(event.type, schemas.currentVersion(event.type)),
      // Round-tripping through JSON drops `undefined` fields so what is stored is what is read.
      data: JSON.parse(JSON.stringify(event.data ?? {})) as JsonObject,
      metadata: JSON.parse(JSON.stringify(metadata)) as JsonObject,
    };
  },
  deserialize<E extends DomainEvent>(recorded: RecordedEvent): StoredEvent<E> {
    if (recorded.unreadable !== undefined) {
      throw new Error(`event ${recorded.id} cannot be decoded: ${recorded.unreadable}`);
    }
    const { name, version } = parseEventTypeName(recorded.type);
    const stored = {
      type: name,
      data: schemas.upcast(name, version, recorded.data),
      id: recorded.id,
      streamName: recorded.streamName,
      revision: recorded.revision,
      position: recorded.position,
      metadata: recorded.metadata as unknown as EventMetadata,
      storedType: recorded.type,
    };
    return stored as unknown as StoredEvent<E>;
  },
});
