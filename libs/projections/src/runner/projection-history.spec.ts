import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
} from '@crm/event-store';
import { createEmbeddedDocumentStore, Document, DocumentStore, WriteBatch } from '@crm/read-store';
import { randomUUID } from 'node:crypto';
import { DocumentVersion, historyCollectionOf, OPEN_END } from '../history/document-history';
import { documentIdFor, ProjectedEvent, Projection } from '../projection';
import { ProjectionRunner } from './projection-runner';

type NoteDocument = Document & { tenantId: string; notes: string[] };

/** Collects notes per stream; `Erased` deletes the document. */
const notes = (history: boolean): Projection =>
  ({
    name: 'notes',
    version: 1,
    history,
    indexes: [{ fields: ['tenantId'] }],
    handles: new Set(['Noted', 'Erased']),
    documentIds: (event: ProjectedEvent) => [
      documentIdFor(event.metadata.tenantId, event.streamName),
    ],
    evolve: (current: NoteDocument | undefined, event: ProjectedEvent) =>
      event.type === 'Erased'
        ? null
        : {
            _id: '',
            tenantId: event.metadata.tenantId,
            notes: [...(current?.notes ?? []), (event.data as { note: string }).note],
          },
  }) as unknown as Projection;

const serializer = createEventSerializer(createEventSchemaRegistry());
const at = (day: number): string => `2026-01-0${day}T00:00:00.000Z`;
const ms = (day: number): number => Date.parse(at(day));

/** A store whose first commits write only their history documents, then fail: a crash between the two. */
const crashingAfterHistory = (inner: DocumentStore, crashes: number): DocumentStore => {
  let left = crashes;
  return Object.assign(Object.create(inner) as DocumentStore, {
    commit: async (batch: WriteBatch) => {
      if (left === 0) return inner.commit(batch);
      left -= 1;
      const history = batch.writes.filter((write) => write.collection.endsWith('.history'));
      await inner.commit({ writes: history, checkpoints: [], position: batch.position });
      throw new Error('crashed after the history writes');
    },
  });
};

describe('ProjectionRunner keeping history', () => {
  let events: EventStore;
  let documents: DocumentStore;

  beforeEach(async () => {
    events = createSqliteEventStore({ path: ':memory:' });
    documents = createEmbeddedDocumentStore({ path: ':memory:' });
    for (const [day, type, note] of [
      [1, 'Noted', 'one'],
      [2, 'Noted', 'two'],
      [3, 'Erased', ''],
      [4, 'Noted', 'again'],
    ] as const) {
      const metadata = { tenantId: 'acme', recordedAt: at(day) };
      await events.appendToStream('a', [
        { id: randomUUID(), type: `${type}.v1`, data: { note }, metadata },
      ]);
    }
  });
  afterEach(async () => {
    await events.close();
    await documents.close();
  });

  const versions = async (store = documents): Promise<DocumentVersion[]> => {
    const physical = (await store.activeGeneration('notes')) ?? '';
    return store
      .collection<DocumentVersion>(historyCollectionOf(physical))
      .find({}, { sort: { _versionPosition: 1 } });
  };
  const run = (store: DocumentStore, history = true, rebuild = false) =>
    new ProjectionRunner(events, store, serializer, [notes(history)], {
      rebuild,
      retry: { initialDelayMs: 1, maxDelayMs: 5 },
    }).runToHead();

  it('writes a version per change, each valid until the next one; a deletion ends the last', async () => {
    await run(documents);
    const kept = await versions();
    expect(
      kept.map(({ notes, _validFrom, _validTo, _docId }) => ({
        notes,
        _validFrom,
        _validTo,
        _docId,
      })),
    ).toEqual([
      { notes: ['one'], _validFrom: ms(1), _validTo: ms(2), _docId: 'acme:a' },
      { notes: ['one', 'two'], _validFrom: ms(2), _validTo: ms(3), _docId: 'acme:a' },
      { notes: ['again'], _validFrom: ms(4), _validTo: OPEN_END, _docId: 'acme:a' },
    ]);
  });

  it('writes the same versions once when a batch is delivered again after a crash between writes', async () => {
    const clean = createEmbeddedDocumentStore({ path: ':memory:' });
    await run(clean);
    await run(crashingAfterHistory(documents, 3));
    expect(await versions()).toEqual(await versions(clean));
    await clean.close();
  });

  it('writes the same versions into a rebuilt generation and drops the old history', async () => {
    await run(documents);
    const before = await versions();
    const old = (await documents.activeGeneration('notes')) ?? '';
    await run(documents, true, true);
    expect(await documents.activeGeneration('notes')).not.toBe(old);
    expect(await versions()).toEqual(before);
    expect(await documents.collection(historyCollectionOf(old)).count({})).toBe(0);
  });

  it('rebuilds a generation that was built before its projection kept history', async () => {
    await run(documents, false);
    expect(await versions()).toEqual([]);
    await run(documents, true);
    expect(await documents.activeGeneration('notes')).toBe('notes@v1.2');
    expect((await versions()).map((version) => version.notes)).toEqual([
      ['one'],
      ['one', 'two'],
      ['again'],
    ]);
  });
});
