import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
} from '@crm/event-store';
import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentIdFor, ProjectedEvent, Projection } from '../projection';
import { ProjectionRunner } from './projection-runner';

const notes: Projection = {
  name: 'notes',
  version: 1,
  history: true,
  indexes: [{ fields: ['tenantId', 'topic'] }],
  handles: new Set(['Noted']),
  documentIds: (event: ProjectedEvent) => [documentIdFor('acme', event.streamName)],
  evolve: (_current, event: ProjectedEvent) => ({
    _id: '',
    tenantId: 'acme',
    topic: (event.data as { topic: string }).topic,
  }),
};

/** The store's calls in order: which collections got indexes, commits, switches. */
const recording = (documents: DocumentStore, calls: string[]): DocumentStore => ({
  ...documents,
  collection: (name) => documents.collection(name),
  ensureIndexes: async (collection, indexes) => {
    calls.push(`indexes ${collection}`);
    return documents.ensureIndexes(collection, indexes);
  },
  commit: async (batch) => {
    const collections = new Set(batch.writes.map((write) => write.collection));
    calls.push(`commit ${[...collections].sort().join(',')}`);
    return documents.commit(batch);
  },
  switchGeneration: async (logical, physical) => {
    calls.push(`switch ${logical} ${physical}`);
    return documents.switchGeneration(logical, physical);
  },
});

describe('generation indexes', () => {
  let dir: string;
  let events: EventStore;
  let documents: DocumentStore;
  const serializer = createEventSerializer(createEventSchemaRegistry());

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-generation-indexes-'));
    events = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
    documents = createEmbeddedDocumentStore({ path: join(dir, 'read.sqlite') });
  });
  afterEach(async () => {
    await events.close();
    await documents.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const note = (stream: string, topic: string) =>
    events.appendToStream(stream, [
      {
        id: randomUUID(),
        type: 'Noted.v1',
        data: { topic },
        metadata: { tenantId: 'acme', recordedAt: '2026-01-01T00:00:00.000Z' },
      },
    ]);

  it('a fresh generation is filled without indexes and gets them, filled, before it is switched in', async () => {
    await note('a', 'sales');
    await note('b', 'support');
    await note('a', 'support');
    const calls: string[] = [];
    await new ProjectionRunner(events, recording(documents, calls), serializer, [notes], {
      batchSize: 1,
    }).runToHead();

    const generation = 'notes@v1.1';
    expect(calls).toEqual([
      `commit ${generation},${generation}.history`,
      `commit ${generation},${generation}.history`,
      `commit ${generation},${generation}.history`,
      `indexes ${generation}`,
      `indexes ${generation}.history`,
      `switch notes ${generation}`,
    ]);
    const live = documents.collection(generation);
    expect((await live.find({ tenantId: 'acme', topic: 'support' })).map((d) => d._id)).toEqual([
      'acme:a',
      'acme:b',
    ]);
    expect(await live.count({ tenantId: 'acme', topic: 'sales' })).toBe(0);
  });

  it('a live generation has its indexes declared when the runner starts, before any commit', async () => {
    await note('a', 'sales');
    await new ProjectionRunner(events, documents, serializer, [notes]).runToHead();
    await note('b', 'sales');
    const calls: string[] = [];
    await new ProjectionRunner(events, recording(documents, calls), serializer, [
      notes,
    ]).runToHead();

    expect(calls).toEqual([
      'indexes notes@v1.1',
      'indexes notes@v1.1.history',
      'commit notes@v1.1,notes@v1.1.history',
    ]);
  });
});
