import { DomainEvent } from '@crm/domain';
import { EventSerializer, parseEventTypeName, RecordedEvent } from '@crm/event-store';
import { BatchEvent } from './apply-batch';

/** A stored event as a batch carries it: decoded, or with the error that stopped its decoding. */
export const decodeEvent = (serializer: EventSerializer, recorded: RecordedEvent): BatchEvent => {
  const base = {
    position: recorded.position,
    id: recorded.id,
    type: parseEventTypeName(recorded.type).name,
    streamName: recorded.streamName,
  };
  try {
    return { ...base, event: serializer.deserialize<DomainEvent>(recorded) };
  } catch (decodeError) {
    return { ...base, decodeError };
  }
};
