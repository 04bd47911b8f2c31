import { DocumentStore, WriteBatch } from '@crm/read-store';
import { EmbeddedLeaseStore } from '../../lease/embedded-lease-store';
import { isExpired } from '../../lease/lease-store';
import { parsePhysicalName } from '../../runner/projection-slot';
import { leaseNameFor } from '../lease-keeper';

export type RecordedCommit = { owner: string; projections: string[]; position: bigint };

/**
 * A worker's view of the shared document store that checks, at every commit, that the worker
 * holds a live lease on every projection it commits a checkpoint for, and records the commit in
 * `log` (shared by all workers, so its order is the commit order).
 */
export const leaseCheckedDocuments = (
  documents: DocumentStore,
  owner: string,
  leases: EmbeddedLeaseStore,
  log: { commits: RecordedCommit[]; violations: string[] },
): DocumentStore => ({
  ...documents,
  async commit(batch: WriteBatch) {
    const projections = batch.checkpoints.map(
      (checkpoint) => parsePhysicalName(checkpoint.name)?.name ?? checkpoint.name,
    );
    for (const projection of projections) {
      const holder = leases.holder(leaseNameFor(projection));
      if (!holder || holder.owner !== owner || isExpired(holder, new Date()))
        log.violations.push(
          `${owner} committed ${projection} at ${batch.position} while ${holder?.owner ?? 'nobody'} held it`,
        );
    }
    log.commits.push({ owner, projections, position: batch.position });
    await documents.commit(batch);
  },
});
