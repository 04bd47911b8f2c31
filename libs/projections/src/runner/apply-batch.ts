import { DomainEvent } from '@crm/domain';
import { Document, DocumentStore, DocumentWrite } from '@crm/read-store';
import { DocumentChange, versionWrites } from '../history/version-writes';
import { ProjectedEvent } from '../projection';
import { PARKED_COLLECTION, ProjectionSlot } from './projection-slot';
import { mergeRowDelta, RowDelta, rowDeltaOf, withDelta } from './row-deltas';
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

type Evolution = readonly [string, Document | undefined, Document | null | undefined];

/** What one event's evolutions change in the projection's rows (none without `rowsOf`). */
const rowDeltaFor = (projection: ProjectionSlot['projection'], next: readonly Evolution[]) => {
  const delta: RowDelta = new Map();
  const { rowsOf } = projection;
  if (rowsOf === undefined) return delta;
  for (const [, current, evolved] of next) {
    if (evolved === current || evolved === undefined) continue;
    const before = current === undefined ? [] : rowsOf(current);
    mergeRowDelta(delta, rowDeltaOf(before, evolved === null ? [] : rowsOf(evolved)));
  }
  return delta;
};

/** The rows after the batch's deltas, each applied unless the row already saw its event. */
const rowWrites = async (
  slot: ProjectionSlot,
  rowDeltas: readonly { position: bigint; delta: RowDelta }[],
  documents: DocumentStore,
): Promise<DocumentWrite[]> => {
  if (rowDeltas.length === 0) return [];
  const ids = [...new Set(rowDeltas.flatMap(({ delta }) => [...delta.keys()]))];
  const rows = new Map<string, Document>(await documents.collection(slot.physical).getMany(ids));
  const touched = new Set<string>();
  for (const { position, delta } of rowDeltas) {
    for (const [id, change] of delta) {
      const row = rows.get(id);
      if (alreadyApplied(row, position)) continue;
      rows.set(id, { ...withDelta(row, id, change), _position: Number(position) });
      touched.add(id);
    }
  }
  return [...touched].map((id) => ({
    collection: slot.physical,
    op: 'upsert',
    document: rows.get(id) as Document,
  }));
};

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
  const rowDeltas: { position: bigint; delta: RowDelta }[] = [];

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
      const delta = rowDeltaFor(projection, next);
      if (delta.size > 0) rowDeltas.push({ position: event.position, delta });
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

  // Rows first: a store without transactions that stops between two writes then leaves a row
  // ahead of its record, never behind. Redelivered, the record's event runs again and adds to the
  // rows again, which skip it by their own `_position`.
  const writes: DocumentWrite[] = await rowWrites(slot, rowDeltas, documents);
  if (slot.history) writes.push(...(await versionWrites(slot.history, loaded, changes, documents)));
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
