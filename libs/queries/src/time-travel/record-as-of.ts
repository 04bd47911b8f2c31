import { AggregateKind, DomainEvent } from '@crm/domain';
import { EventSerializer, EventStore } from '@crm/event-store';
import { documentIdFor, recordProjections } from '@crm/projections';
import { Document } from '@crm/read-store';

/**
 * A record's read-model document as it was at `asOf`: its own stream, up to that moment, folded
 * through the same projection that builds the live document. Undefined if it did not exist yet.
 */
export const recordAsOf = async (
  events: EventStore,
  serializer: EventSerializer,
  streamName: string,
  kind: AggregateKind,
  tenantId: string,
  recordId: string,
  asOf: Date,
): Promise<Document | undefined> => {
  const projection = recordProjections[kind];
  const documentId = documentIdFor(tenantId, recordId);
  let document: Document | undefined;
  for (const recorded of await events.readStream(streamName)) {
    if (recorded.recordedAt.getTime() > asOf.getTime()) break;
    const event = serializer.deserialize<DomainEvent>(recorded);
    if (!projection.handles.has(event.type) || !projection.documentIds(event).includes(documentId))
      continue;
    const next = projection.evolve(document, event, documentId);
    if (next !== undefined) document = next === null ? undefined : { ...next, _id: documentId };
  }
  return document;
};
