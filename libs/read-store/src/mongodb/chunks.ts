import { BSON } from 'mongodb';
import { CollectionWrites, PositionedWrite } from './write-operations';

/**
 * A transaction must stay well inside the server's limits: 16 MB per oplog entry batch and
 * `transactionLifetimeLimitSeconds` (60 s by default). A rebuild commits large batches, so a
 * batch is split into chunks of at most `maxWrites` writes and about `maxBytes` of documents,
 * each its own transaction. Writes are position-guarded in every chunk and the checkpoints go
 * with the last one, so a crash between chunks only causes redelivery, which the guard absorbs.
 */
export type ChunkLimits = { maxWrites: number; maxBytes: number };

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { maxWrites: 1_000, maxBytes: 8 * 1024 * 1024 };

const sizeOf = (write: PositionedWrite): number =>
  write.op === 'delete'
    ? 64
    : BSON.calculateObjectSize(write.op === 'set' ? write.fields : write.document);

export const inChunks = (
  collections: readonly CollectionWrites[],
  limits: ChunkLimits = DEFAULT_CHUNK_LIMITS,
): CollectionWrites[][] => {
  const chunks: CollectionWrites[][] = [];
  let current: CollectionWrites[] = [];
  let writes = 0;
  let bytes = 0;
  const close = () => {
    if (current.length > 0) chunks.push(current);
    current = [];
    writes = 0;
    bytes = 0;
  };
  for (const { collection, writes: all } of collections) {
    let share: PositionedWrite[] = [];
    for (const write of all) {
      const size = sizeOf(write);
      if (writes > 0 && (writes + 1 > limits.maxWrites || bytes + size > limits.maxBytes)) {
        if (share.length > 0) current.push({ collection, writes: share });
        share = [];
        close();
      }
      share.push(write);
      writes += 1;
      bytes += size;
    }
    if (share.length > 0) current.push({ collection, writes: share });
  }
  close();
  return chunks.length > 0 ? chunks : [[]];
};
