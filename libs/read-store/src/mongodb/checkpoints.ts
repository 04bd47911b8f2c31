import { ClientSession, Collection, Long } from 'mongodb';
import { isDuplicateKeyError } from './mongo-errors';

export const CHECKPOINTS_COLLECTION = '_checkpoints';

/**
 * `position` is the exact global position as a decimal string (a bigint does not fit a double),
 * and the only field read back; `_position` is the same number as a 64-bit integer for people
 * querying the server ("9" > "10" as strings).
 */
export type CheckpointDocument = { _id: string; position: string; _position?: Long | number };

export type CheckpointAdvance = { name: string; position: bigint };

const INTEGER = /^-?\d+$/;

/** The stored checkpoint, or undefined when the projection never committed one. */
export const parseCheckpoint = (
  document: { position?: unknown } | null | undefined,
): bigint | undefined => {
  if (!document) return undefined;
  const { position } = document;
  if (typeof position !== 'string' || !INTEGER.test(position)) {
    throw new TypeError(
      `Corrupt checkpoint: position ${JSON.stringify(position)} is not an integer string`,
    );
  }
  return BigInt(position);
};

export const checkpointDocument = (name: string, position: bigint): CheckpointDocument => ({
  _id: name,
  position: position.toString(),
  _position: Long.fromBigInt(position),
});

/** The checkpoints of a batch, one per name (the highest when a name repeats). */
export const highestPerName = (checkpoints: readonly CheckpointAdvance[]): CheckpointAdvance[] => {
  const highest = new Map<string, bigint>();
  for (const { name, position } of checkpoints) {
    const current = highest.get(name);
    if (current === undefined || position > current) highest.set(name, position);
  }
  return [...highest].map(([name, position]) => ({ name, position }));
};

/** Only forward: a checkpoint is written when nothing, or something lower, is stored. */
export const movesForward = (stored: bigint | undefined, position: bigint): boolean =>
  stored === undefined || stored < position;

const MAX_ATTEMPTS = 10;

/**
 * Moves one checkpoint to `position` unless it is already there or past it: read, compare the
 * exact values here, then write only over the value read (insert when there was none). Another
 * writer in between makes the write miss, and it reads again. No update pipeline (FerretDB has
 * none) and no reliance on how the stored `_position` compares when it is missing.
 */
const advanceOne = async (
  collection: Collection<CheckpointDocument>,
  { name, position }: CheckpointAdvance,
  session?: ClientSession,
): Promise<void> => {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const stored = await collection.findOne({ _id: name }, { session });
    if (!movesForward(parseCheckpoint(stored), position)) return;
    const next = checkpointDocument(name, position);
    if (!stored) {
      try {
        await collection.insertOne(next, { session });
        return;
      } catch (error) {
        if (session || !isDuplicateKeyError(error)) throw error;
        continue;
      }
    }
    const replaced = await collection.replaceOne({ _id: name, position: stored.position }, next, {
      session,
    });
    if (replaced.matchedCount === 1) return;
    if (session) throw new Error(`checkpoint ${name} changed inside its transaction`);
  }
  throw new Error(`checkpoint ${name}: ${MAX_ATTEMPTS} attempts lost to concurrent writers`);
};

/** Moves every checkpoint of the batch forward, never back. */
export const advanceCheckpoints = async (
  collection: Collection<CheckpointDocument>,
  checkpoints: readonly CheckpointAdvance[],
  session?: ClientSession,
): Promise<void> => {
  for (const checkpoint of highestPerName(checkpoints)) {
    await advanceOne(collection, checkpoint, session);
  }
};
