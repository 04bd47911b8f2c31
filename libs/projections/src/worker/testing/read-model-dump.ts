import { Document, DocumentStore } from '@crm/read-store';
import { Projection } from '../../projection';

/** Every live document of the given projections, in id order: for comparing two stores. */
export const dumpProjections = async (
  documents: DocumentStore,
  projections: readonly Projection[],
): Promise<Record<string, Document[]>> => {
  const dump: Record<string, Document[]> = {};
  for (const projection of projections) {
    const physical = await documents.activeGeneration(projection.name);
    dump[projection.name] = physical
      ? await documents.collection(physical).find({}, { sort: { _id: 1 } })
      : [];
  }
  return dump;
};

/** Every projection's checkpoint (of its live generation), by name. */
export const checkpointsOf = async (
  documents: DocumentStore,
  projections: readonly Projection[],
): Promise<Record<string, bigint | undefined>> => {
  const checkpoints: Record<string, bigint | undefined> = {};
  for (const projection of projections) {
    const physical = await documents.activeGeneration(projection.name);
    checkpoints[projection.name] = physical ? await documents.checkpoint(physical) : undefined;
  }
  return checkpoints;
};
