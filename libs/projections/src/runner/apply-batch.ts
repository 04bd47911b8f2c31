import { DomainEvent } from '@crm/domain';
import { Document, DocumentStore, DocumentWrite } from '@crm/read-store';
import { DocumentChange, versionWrites } from '../history/version-writes';
import { ProjectedEvent } from '../projection';
import { PARKED_COLLECTION, ProjectionSlot } from './projection-slot';
import { errorText } from './runner-health';

/** A decoded event, or the error that stopped it from being decoded. */
export type BatchEvent = { position: bigint; id: string; type: string; streamName: string } & (
  | { event: ProjectedEvent<DomainEvent>; decodeError?: undefined }
  | { event?: undefined; decodeError: unknown }
);

const alreadyApplied = (document: Document | undefined, position: bigint): boolean =>
  typeof document?._position === 'number' && document._position >= Number(position);

const recordedAtOf = (event: ProjectedEvent): number => Date.parse(event.metadata.recordedAt);

const parkedDocument = (slot: ProjectionSlot, item: BatchEvent, error: unknown): Document => ({
  _id: `${slot.physical}:${item.id}`,
  projection: slot.projection.name,
  collection: slot.physical,
  eventId: item.id,
  eventType: item.type,
  streamName: item.streamName,
  position: Number(item.position),
  error: errorText(error),
});

/**
 * Applies one batch to one slot: loads every document the batch touches in one query, evolves
 * them in order in memory and returns the writes. A poison event (its evolve throws, or it cannot
 * be decoded) leaves the documents as they were and is parked with its error. A slot that keeps
 * history also gets a version per change, written before the live documents: on a store without
 * transactions a live document is never ahead of its history.
 */
export const applyBatchToSlot = async (
  slot: ProjectionSlot,
  batch: readonly BatchEvent[],
  documents: DocumentStore,
): Promise<{ writes: DocumentWrite[]; parked: number }> => {
  const { projection } = slot;
  const relevant = batch.filter(
    (item) => item.position > slot.checkpoint && projection.handles.has(item.type),
  );
  if (relevant.length === 0) return { writes: [], parked: 0 };

  const idsByEvent = new Map<BatchEvent, string[]>();
  const parked: Document[] = [];
  for (const item of relevant) {
    if (!item.event) {
      parked.push(parkedDocument(slot, item, item.decodeError));
      continue;
    }
    try {
      idsByEvent.set(item, projection.documentIds(item.event));
    } catch (error) {
      parked.push(parkedDocument(slot, item, error));
    }
  }
  const allIds = [...new Set([...idsByEvent.values()].flat())];
  const loaded = await documents.collection(slot.physical).getMany(allIds);
  const working = new Map<string, Document | null>(loaded);
  const changed = new Map<string, number>();
  const changes: DocumentChange[] = [];

  for (const [item, ids] of idsByEvent) {
    const event = item.event as ProjectedEvent<DomainEvent>;
    try {
      const next = ids.map((id) => {
        const current = working.get(id) ?? undefined;
        // A document that already saw this event (redelivery after a commit without transactions)
        // is left as it is: every document remembers the last position applied to it.
        if (alreadyApplied(current, event.position)) return [id, current, current] as const;
        return [id, current, projection.evolve(current, event, id)] as const;
      });
      for (const [id, current, evolved] of next) {
        if (evolved === current || evolved === undefined) continue;
        const document =
          evolved === null ? null : { ...evolved, _id: id, _position: Number(event.position) };
        working.set(id, document);
        changed.set(id, Number(event.position));
        changes.push({
          id,
          position: Number(event.position),
          recordedAt: recordedAtOf(event),
          document,
        });
      }
    } catch (error) {
      parked.push(parkedDocument(slot, item, error));
    }
  }

  const writes: DocumentWrite[] = slot.history
    ? await versionWrites(slot.history, loaded, changes, documents)
    : [];
  for (const id of changed.keys()) {
    const document = working.get(id);
    writes.push(
      document
        ? { collection: slot.physical, op: 'upsert', document }
        : { collection: slot.physical, op: 'delete', id },
    );
  }
  for (const document of parked)
    writes.push({ collection: PARKED_COLLECTION, op: 'upsert', document });
  return { writes, parked: parked.length };
};
