import { Document, DocumentStore, DocumentWrite } from '@crm/read-store';
import { DocumentVersion, OPEN_END, versionIdOf } from './document-history';

/** One change a batch made to a live document: its new content, or null when it was deleted. */
export type DocumentChange = {
  id: string;
  position: number;
  /** The event's recorded-at time (epoch milliseconds). */
  recordedAt: number;
  document: Document | null;
};

/**
 * The history writes for a batch's changes to one projection, in event order: each change ends
 * the document's open version (read from the history, or opened earlier in the batch) at the
 * event's recorded-at time and, unless the document was deleted, opens the next one. A stored
 * version is ended by a `set` of its validity alone, not written again whole. Version ids and
 * contents follow from the events alone, so a redelivered batch writes the same versions.
 */
export const versionWrites = async (
  historyCollection: string,
  before: ReadonlyMap<string, Document>,
  changes: readonly DocumentChange[],
  documents: DocumentStore,
): Promise<DocumentWrite[]> => {
  if (changes.length === 0) return [];
  const open = await openVersionsOf(historyCollection, before, changes, documents);
  const written = new Map<string, DocumentVersion>();
  const ended = new Map<string, { _validTo: number; _position: number }>();
  for (const change of changes) {
    const previous = open.get(change.id);
    // A version never ends before it began, even when recorded-at times run backwards.
    const from = Math.max(change.recordedAt, previous?._validFrom ?? Number.NEGATIVE_INFINITY);
    if (previous) {
      const end = { _validTo: from, _position: change.position };
      if (written.has(previous._id)) written.set(previous._id, { ...previous, ...end });
      else ended.set(previous._id, end);
    }
    if (change.document === null) {
      open.delete(change.id);
      continue;
    }
    const version: DocumentVersion = {
      ...change.document,
      _id: versionIdOf(change.id, change.position),
      _docId: change.id,
      _validFrom: from,
      _validTo: OPEN_END,
      _versionPosition: change.position,
      _position: change.position,
    };
    open.set(change.id, version);
    written.set(version._id, version);
  }
  const ends: DocumentWrite[] = [...ended].map(([id, fields]) => ({
    collection: historyCollection,
    op: 'set',
    id,
    fields,
  }));
  const versions: DocumentWrite[] = [...written.values()].map((document) => ({
    collection: historyCollection,
    op: 'upsert',
    document,
  }));
  return [...ends, ...versions];
};

/** The versions still open of the documents the batch changes, by live document id. */
const openVersionsOf = async (
  historyCollection: string,
  before: ReadonlyMap<string, Document>,
  changes: readonly DocumentChange[],
  documents: DocumentStore,
): Promise<Map<string, DocumentVersion>> => {
  const ids: string[] = [];
  for (const id of new Set(changes.map((change) => change.id))) {
    const position = before.get(id)?._position;
    if (typeof position === 'number') ids.push(versionIdOf(id, position));
  }
  const found = await documents.collection<DocumentVersion>(historyCollection).getMany(ids);
  return new Map([...found.values()].map((version) => [version._docId, version]));
};
