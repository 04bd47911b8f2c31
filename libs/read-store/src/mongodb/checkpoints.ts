import { AnyBulkWriteOperation, Long } from 'mongodb';

export const CHECKPOINTS_COLLECTION = '_checkpoints';

/**
 * `position` is the exact global position as a decimal string (a bigint does not fit a double);
 * `_position` is the same number as a 64-bit integer so the server can compare positions
 * numerically ("9" > "10" as strings).
 */
export type CheckpointDocument = { _id: string; position: string; _position?: Long | number };

/**
 * Moves the checkpoint forward and never back: an update pipeline that keeps the stored values
 * when they are already at or past `position`. It never fails with a duplicate key, so the same
 * operation works inside a transaction and in the position-guarded mode.
 */
export const checkpointOperation = (
  name: string,
  position: bigint,
): AnyBulkWriteOperation<CheckpointDocument> => {
  const exact = Long.fromBigInt(position);
  const storedIsOlder = { $lt: ['$_position', exact] }; // a missing field sorts below any number
  return {
    updateOne: {
      filter: { _id: name },
      update: [
        {
          $set: {
            position: { $cond: [storedIsOlder, { $literal: position.toString() }, '$position'] },
            _position: { $max: ['$_position', exact] },
          },
        },
      ],
      upsert: true,
    },
  };
};

/** The checkpoints of a batch, one per name (the highest when a name repeats). */
export const checkpointOperations = (
  checkpoints: readonly { name: string; position: bigint }[],
): AnyBulkWriteOperation<CheckpointDocument>[] => {
  const highest = new Map<string, bigint>();
  for (const { name, position } of checkpoints) {
    const current = highest.get(name);
    if (current === undefined || position > current) highest.set(name, position);
  }
  return [...highest].map(([name, position]) => checkpointOperation(name, position));
};

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
