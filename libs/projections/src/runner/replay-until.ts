import { DomainEvent } from '@crm/domain';
import { EventSerializer, EventStore, parseEventTypeName } from '@crm/event-store';
import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { Projection } from '../projection';
import { applyBatchToSlot, BatchEvent } from './apply-batch';
import { physicalName, ProjectionSlot } from './projection-slot';

const PAGE = 2000;

/**
 * Time travel for read models: replays the log, up to and including the events recorded at or
 * before `asOf`, into a throw-away in-memory document store with the same projections the live
 * read models use, so every query runs on it unchanged. The caller closes the store.
 */
export const replayUntil = async (
  events: EventStore,
  serializer: EventSerializer,
  projections: readonly Projection[],
  asOf: Date,
): Promise<DocumentStore> => {
  const documents = createEmbeddedDocumentStore({ path: ':memory:' });
  const slots: ProjectionSlot[] = projections.map((projection) => ({
    projection,
    physical: physicalName(projection, 1),
    checkpoint: -1n,
    rebuilding: false,
  }));
  for (const slot of slots) {
    await documents.ensureIndexes(slot.physical, slot.projection.indexes);
    await documents.switchGeneration(slot.projection.name, slot.physical);
  }
  const cutoff = asOf.getTime();
  let after: bigint | undefined;
  for (;;) {
    const page = await events.readAll({ after, maxCount: PAGE });
    if (page.length === 0) break;
    after = page[page.length - 1].position;
    const batch: BatchEvent[] = page
      .filter((recorded) => recorded.recordedAt.getTime() <= cutoff)
      .map((recorded) => ({
        position: recorded.position,
        id: recorded.id,
        type: parseEventTypeName(recorded.type).name,
        streamName: recorded.streamName,
        event: serializer.deserialize<DomainEvent>(recorded),
      }));
    const writes = [];
    for (const slot of slots)
      writes.push(...(await applyBatchToSlot(slot, batch, documents)).writes);
    await documents.commit({ writes, checkpoints: [], position: after });
    for (const slot of slots) slot.checkpoint = after;
  }
  return documents;
};
