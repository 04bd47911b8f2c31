import {
  CommitFence,
  Document,
  DocumentStore,
  IndexSpec,
  LeaseLostError,
  WriteBatch,
} from '@crm/read-store';
import { leaseNameFor } from './lease-keeper';

/**
 * The document store as one runner of a worker sees it: every commit carries the fences of the
 * leases guarding the runner's projections (owner and acquisition token), so a store that keeps
 * the leases refuses it once one has changed hands; and a commit whose lease this worker no
 * longer holds, or holds past its deadline, is refused here before it reaches the store.
 */
export const fencedDocuments = (
  documents: DocumentStore,
  owner: string,
  projections: readonly string[],
  fenceFor: (projection: string) => CommitFence | undefined,
): DocumentStore => ({
  collection: <T extends Document = Document>(name: string) => documents.collection<T>(name),
  ensureIndexes: (collection: string, indexes: readonly IndexSpec[]) =>
    documents.ensureIndexes(collection, indexes),
  async commit(batch: WriteBatch) {
    const fences = projections.map((projection) => {
      const fence = fenceFor(projection);
      if (!fence)
        throw new LeaseLostError({ lease: leaseNameFor(projection), owner, token: '(not held)' });
      return fence;
    });
    await documents.commit({ ...batch, fences: [...(batch.fences ?? []), ...fences] });
  },
  checkpoint: (name: string) => documents.checkpoint(name),
  dropCollection: (name: string) => documents.dropCollection(name),
  activeGeneration: (logicalName: string) => documents.activeGeneration(logicalName),
  switchGeneration: (logicalName: string, physicalName: string) =>
    documents.switchGeneration(logicalName, physicalName),
  close: () => documents.close(),
});
