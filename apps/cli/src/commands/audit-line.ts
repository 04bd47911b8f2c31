import { parseStreamName } from '@crm/application';
import { EventSerializer, RecordedEvent } from '@crm/event-store';

/** One event of the audit trail as one JSON object: what happened, where, when, who and why. */
export const auditLine = (serializer: EventSerializer, recorded: RecordedEvent) => {
  const event = serializer.deserialize(recorded);
  const stream = parseStreamName(recorded.streamName);
  return {
    eventId: event.id,
    stream: recorded.streamName,
    kind: stream?.kind ?? null,
    recordId: stream?.recordId ?? null,
    type: event.type,
    storedType: event.storedType,
    revision: Number(event.revision),
    position: event.position.toString(),
    recordedAt: recorded.recordedAt.toISOString(),
    data: event.data,
    metadata: event.metadata,
  };
};
