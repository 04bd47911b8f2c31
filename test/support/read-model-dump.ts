import { allProjections } from '@crm/projections';
import { Document, DocumentStore } from '@crm/read-store';

/** Every live read model's documents, by projection name, in id order: for comparing stores. */
export const dumpReadModels = async (
  documents: DocumentStore,
): Promise<Record<string, Document[]>> => {
  const dump: Record<string, Document[]> = {};
  for (const projection of allProjections) {
    const physical = await documents.activeGeneration(projection.name);
    dump[projection.name] = physical
      ? await documents.collection(physical).find({}, { sort: { _id: 1 } })
      : [];
  }
  return dump;
};
