/**
 * Stored event types carry their schema version: `ContactCreated.v1`.
 * Domain code speaks the bare name; the version lives only in the log.
 */
export type VersionedTypeName = { name: string; version: number };

const VERSIONED = /^(.+)\.v(\d+)$/;

export const formatEventTypeName = (name: string, version: number): string => `${name}.v${version}`;

export const parseEventTypeName = (storedType: string): VersionedTypeName => {
  const match = VERSIONED.exec(storedType);
  if (!match) return { name: storedType, version: 1 };
  return { name: match[1], version: Number(match[2]) };
};
