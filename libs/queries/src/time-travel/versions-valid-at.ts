import {
  DOCUMENT_ID_FIELD,
  DocumentVersion,
  VALID_FROM_FIELD,
  VALID_TO_FIELD,
} from '@crm/projections';
import { Document, DocumentCollection, Filter, FindOptions, ProjectionSpec } from '@crm/read-store';

const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor']);

/** A filter on live documents as a filter on their versions: `_id` is the version's `_docId`. */
const onVersions = (filter: Filter): Filter =>
  Object.fromEntries(
    Object.entries(filter).map(([key, value]) => {
      if (key === '_id') return [DOCUMENT_ID_FIELD, value];
      if (LOGICAL_OPERATORS.has(key) && Array.isArray(value)) {
        return [key, value.map((inner) => onVersions(inner as Filter))];
      }
      return [key, value];
    }),
  );

/** Sort and projection keys on live documents as keys on their versions. */
const keysOnVersions = <V>(spec: Record<string, V>): Record<string, V> =>
  Object.fromEntries(
    Object.entries(spec).map(([key, value]) => [key === '_id' ? DOCUMENT_ID_FIELD : key, value]),
  );

/** Keeps what a version needs to be turned back into its document. */
const projectionOnVersions = (projection: ProjectionSpec): ProjectionSpec => {
  const renamed = keysOnVersions(projection);
  if (!Object.values(projection).includes(1)) return renamed;
  return { ...renamed, [DOCUMENT_ID_FIELD]: 1, _versionPosition: 1 };
};

const optionsOnVersions = (options: FindOptions): FindOptions => ({
  ...options,
  sort: options.sort && keysOnVersions(options.sort),
  projection: options.projection && projectionOnVersions(options.projection),
});

/** The live document a version was: its id, and the position of the event that produced it. */
const documentOf = <T extends Document>(version: DocumentVersion): T => {
  const {
    _id: _versionId,
    _docId,
    _validFrom,
    _validTo,
    _versionPosition,
    _position,
    ...fields
  } = version;
  const document: Document = { _id: _docId, ...fields };
  if (_versionPosition !== undefined) document._position = _versionPosition;
  return document as T;
};

/**
 * A projection's history read as its live collection was at `at` (epoch milliseconds): every
 * read sees only the versions valid then (`_validFrom <= at < _validTo`), as the documents they
 * were, so any query over the live collection runs unchanged on the past.
 */
export const versionsValidAt = <T extends Document>(
  history: DocumentCollection<DocumentVersion>,
  at: number,
): DocumentCollection<T> => {
  const validity = { [VALID_TO_FIELD]: { $gt: at }, [VALID_FROM_FIELD]: { $lte: at } };
  const atMoment = (filter: Filter): Filter => ({ ...onVersions(filter), ...validity });
  const find = async (filter: Filter, options: FindOptions = {}): Promise<T[]> =>
    (await history.find(atMoment(filter), optionsOnVersions(options))).map(documentOf<T>);
  return {
    get: async (id) => (await find({ _id: id }, { limit: 1 }))[0],
    getMany: async (ids) =>
      new Map((await find({ _id: { $in: [...ids] } })).map((document) => [document._id, document])),
    find,
    count: (filter) => history.count(atMoment(filter)),
  };
};
