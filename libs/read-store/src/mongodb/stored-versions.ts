import { ClientSession, Collection } from 'mongodb';
import { Document } from '../document-store';
import { storedPosition } from './positions';
import { POSITION_FIELD, StoredVersion } from './write-operations';

/** The stored `_position` of each of `ids` that exists, read exactly (Int64 as bigint). */
export const readStoredVersions = async (
  collection: Collection<Document>,
  ids: readonly string[],
  session?: ClientSession,
): Promise<Map<string, StoredVersion>> => {
  const versions = new Map<string, StoredVersion>();
  if (ids.length === 0) return versions;
  const found = collection.find(
    { _id: { $in: [...ids] } },
    { projection: { [POSITION_FIELD]: 1 }, useBigInt64: true, session },
  );
  for await (const document of found) {
    versions.set(document._id, { position: storedPosition(document[POSITION_FIELD]) });
  }
  return versions;
};
