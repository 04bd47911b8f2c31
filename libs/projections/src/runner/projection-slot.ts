import { Projection } from '../projection';

/**
 * One projection writing into one physical collection (a generation) with its own checkpoint.
 * A live slot is the generation queries read; a rebuilding slot fills a fresh generation and is
 * switched in once it has caught up.
 */
export type ProjectionSlot = {
  projection: Projection;
  /** Physical collection, also the checkpoint name: `contacts@v1.3`. */
  physical: string;
  /** Last position fully applied (-1n: nothing yet). */
  checkpoint: bigint;
  rebuilding: boolean;
  /** The generation's history collection, when the projection keeps one (`history: true`). */
  history?: string;
};

const GENERATION = /^(.+)@v(\d+)\.(\d+)$/;

export const physicalName = (projection: Projection, generation: number): string =>
  `${projection.name}@v${projection.version}.${generation}`;

export const parsePhysicalName = (
  physical: string,
): { name: string; version: number; generation: number } | undefined => {
  const match = GENERATION.exec(physical);
  return match
    ? { name: match[1], version: Number(match[2]), generation: Number(match[3]) }
    : undefined;
};

/** The generation after the active one, whatever version the active one was built with. */
export const nextGeneration = (projection: Projection, active: string | undefined): string =>
  physicalName(projection, (active ? (parsePhysicalName(active)?.generation ?? 0) : 0) + 1);

export const PARKED_COLLECTION = '_parked';

/** The position every slot has reached (-1n: none yet, or no slots). */
export const lowestCheckpoint = (slots: readonly ProjectionSlot[]): bigint =>
  slots.length === 0
    ? -1n
    : slots.reduce(
        (min, slot) => (slot.checkpoint < min ? slot.checkpoint : min),
        slots[0].checkpoint,
      );
