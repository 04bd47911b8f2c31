import { DocumentStore } from '@crm/read-store';
import { historyCollectionOf, historyIndexesFor } from '../history/document-history';
import { Projection } from '../projection';
import { nextGeneration, physicalName, ProjectionSlot } from './projection-slot';

type Log = ((message: string) => void) | undefined;

/**
 * A generation built before its projection kept history holds documents but no versions of
 * them (a kept history has a version of every document): it is rebuilt with its history.
 */
const lacksHistory = async (
  documents: DocumentStore,
  projection: Projection,
  physical: string,
): Promise<boolean> => {
  if (!projection.history) return false;
  const anyOf = async (collection: string): Promise<boolean> =>
    (await documents.collection(collection).find({}, { limit: 1 })).length > 0;
  return (await anyOf(physical)) && !(await anyOf(historyCollectionOf(physical)));
};

/**
 * The indexes of a slot's generation and of its history. Nothing reads a generation through its
 * indexes before it is live (the runner reads documents by id, queries read the live one), so a
 * fresh generation gets them only when it is switched in: filling an index once from the finished
 * documents costs far less than keeping it up to date through every change of a rebuild.
 */
const declareIndexes = async (documents: DocumentStore, slot: ProjectionSlot): Promise<void> => {
  await documents.ensureIndexes(slot.physical, slot.projection.indexes);
  if (slot.history)
    await documents.ensureIndexes(slot.history, historyIndexesFor(slot.projection.indexes));
};

/**
 * The slot a projection runs in: its active generation if that was built with its current
 * version (and no rebuild is asked for), else a fresh generation filled from the start of the log.
 */
export const slotFor = async (
  documents: DocumentStore,
  projection: Projection,
  options: { rebuild?: boolean; log?: Log },
): Promise<ProjectionSlot> => {
  const active = await documents.activeGeneration(projection.name);
  const upToDate =
    !options.rebuild &&
    active?.startsWith(`${projection.name}@v${projection.version}.`) &&
    !(await lacksHistory(documents, projection, active));
  const physical =
    upToDate && active
      ? active
      : active
        ? nextGeneration(projection, active)
        : physicalName(projection, 1);
  const history = projection.history ? historyCollectionOf(physical) : undefined;
  const checkpoint = (await documents.checkpoint(physical)) ?? -1n;
  const rebuilding = physical !== active;
  const slot = { projection, physical, checkpoint, rebuilding, history };
  if (rebuilding)
    options.log?.(`projection ${projection.name}: building ${physical} from the start of the log`);
  else await declareIndexes(documents, slot);
  return slot;
};

/** A rebuilt generation becomes the one queries read once it has reached `target` (the head seen at start). */
export const switchCaughtUpGenerations = async (
  documents: DocumentStore,
  slots: readonly ProjectionSlot[],
  target: bigint,
  log: Log,
): Promise<void> => {
  for (const slot of slots) {
    if (!slot.rebuilding || slot.checkpoint < target) continue;
    await declareIndexes(documents, slot);
    const previous = await documents.activeGeneration(slot.projection.name);
    await documents.switchGeneration(slot.projection.name, slot.physical);
    if (previous && previous !== slot.physical) {
      await documents.dropCollection(previous);
      await documents.dropCollection(historyCollectionOf(previous));
    }
    slot.rebuilding = false;
    log?.(`projection ${slot.projection.name}: ${slot.physical} is now live`);
  }
};
