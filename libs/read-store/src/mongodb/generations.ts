export const GENERATIONS_COLLECTION = '_generations';

/** Which physical collection a logical read model currently reads from. */
export type GenerationDocument = { _id: string; physical: string };

export const generationDocument = (
  logicalName: string,
  physicalName: string,
): GenerationDocument => ({
  _id: logicalName,
  physical: physicalName,
});

export const parseGeneration = (
  document: { physical?: unknown } | null | undefined,
): string | undefined => {
  if (!document) return undefined;
  if (typeof document.physical !== 'string' || document.physical.length === 0) {
    throw new TypeError(
      `Corrupt generation pointer: physical ${JSON.stringify(document.physical)}`,
    );
  }
  return document.physical;
};
