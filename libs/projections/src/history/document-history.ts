import { Document, IndexSpec } from '@crm/read-store';
import { SEARCH_FIELD } from '../read-models/search-terms';

/**
 * The history a projection keeps when it opts in (`history: true`): beside each generation's
 * live collection, a `<generation>.history` collection with one version per change of a
 * document, valid from the recorded-at time of the event that produced it until the next one
 * (`_validFrom <= t < _validTo`, epoch milliseconds). A deleted document's last version just
 * ends. Reading the versions valid at `t` answers any query as of `t` without the log.
 */
export const HISTORY_SUFFIX = '.history';

/** The live document's id, its version's validity, and the version's own `_id`. */
export const DOCUMENT_ID_FIELD = '_docId';
export const VALID_FROM_FIELD = '_validFrom';
export const VALID_TO_FIELD = '_validTo';
/**
 * The position of the event that produced the version: `_position` itself grows when the
 * version is ended, so that stores guarding writes by position apply the ending.
 */
export const VERSION_POSITION_FIELD = '_versionPosition';

/** `_validTo` of the version still valid today. */
export const OPEN_END = Number.MAX_SAFE_INTEGER;

/** A version of a live document as the history collection holds it. */
export type DocumentVersion = Document & {
  _docId: string;
  _validFrom: number;
  _validTo: number;
  _versionPosition: number;
  _position: number;
};

export const historyCollectionOf = (physical: string): string => `${physical}${HISTORY_SUFFIX}`;

/** A version's id: the live document's id and the position of the event that produced it. */
export const versionIdOf = (documentId: string, position: number): string =>
  `${documentId}@${position}`;

/**
 * Indexes that make an as-of read an index range: by document for single reads, and each of the
 * projection's own indexes followed by the validity, for finds and counts at a moment. Not the
 * word-search indexes (`_search`): no query searches words as of a past moment (lists are read
 * now only), and they are the largest (one entry per word of every version).
 */
export const historyIndexesFor = (indexes: readonly IndexSpec[]): IndexSpec[] => {
  const validity = [VALID_TO_FIELD, VALID_FROM_FIELD];
  const all = [
    [DOCUMENT_ID_FIELD, ...validity],
    ['tenantId', ...validity],
    ...indexes
      .filter((index) => !index.fields.includes(SEARCH_FIELD))
      .map((index) => [...index.fields, ...validity]),
  ];
  // Once each: MongoDB refuses an index it already has (a projection's own `tenantId` index).
  const distinct = new Map(all.map((fields) => [fields.join('\u0000'), fields]));
  return [...distinct.values()].map((fields) => ({ fields }));
};
