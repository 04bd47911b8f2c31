import { ClientSession, Db } from 'mongodb';
import { CommitFence, LeaseLostError } from '../document-store';

/** Where the MongoDB lease store keeps leases (libs/projections), in the read-model database. */
export const LEASES_COLLECTION = '_leases';

type FencedLease = { _id: string; owner: string; token: string; fencedCommits?: number };

/**
 * Refuses the commit unless every fence's lease still has its owner and token. Inside a
 * transaction the check writes to the lease document, so a takeover that commits while the
 * transaction runs makes one of the two conflict and the transaction retry (and then fail here);
 * without a transaction it is a read just before the writes.
 */
export const checkFences = async (
  db: Db,
  fences: readonly CommitFence[] | undefined,
  session?: ClientSession,
): Promise<void> => {
  if (!fences || fences.length === 0) return;
  const leases = db.collection<FencedLease>(LEASES_COLLECTION);
  for (const fence of fences) {
    const filter = { _id: fence.lease, owner: fence.owner, token: fence.token };
    const held = session
      ? (await leases.updateOne(filter, { $inc: { fencedCommits: 1 } }, { session }))
          .matchedCount === 1
      : (await leases.findOne(filter, { projection: { _id: 1 } })) !== null;
    if (!held) throw new LeaseLostError(fence);
  }
};
