import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
  RecordedEvent,
} from '@crm/event-store';
import { createEmbeddedDocumentStore, Document, DocumentStore } from '@crm/read-store';
import { randomUUID } from 'node:crypto';
import { documentIdFor, ProjectedEvent, Projection } from '../projection';
import { ProjectionRunner } from './projection-runner';
import { PARKED_COLLECTION } from './projection-slot';

/** Counts the notes of each stream. */
const notes: Projection = {
  name: 'notes',
  version: 1,
  indexes: [],
  handles: new Set(['Noted']),
  documentIds: (event: ProjectedEvent) => [
    documentIdFor(event.metadata.tenantId, event.streamName),
  ],
  evolve: (current: (Document & { count: number }) | undefined) => ({
    _id: '',
    count: (current?.count ?? 0) + 1,
  }),
} as unknown as Projection;

/**
 * What the EventStoreDB adapter delivers for an event whose data is not a JSON object: the
 * event in its place, marked `unreadable`, data and metadata empty (esdb/recorded-event.ts).
 */
const markingUnreadable = (events: EventStore, id: string): EventStore => {
  const mark = (event: RecordedEvent): RecordedEvent =>
    event.id === id
      ? { ...event, data: {}, metadata: {}, unreadable: 'data is not a JSON object' }
      : event;
  return {
    ...events,
    readAll: async (options) => (await events.readAll(options)).map(mark),
    subscribeToAll: (options) =>
      (async function* () {
        for await (const event of events.subscribeToAll(options)) yield mark(event);
      })(),
  };
};

describe('an event the store could not read', () => {
  let events: EventStore;
  let documents: DocumentStore;

  beforeEach(() => {
    events = createSqliteEventStore({ path: ':memory:' });
    documents = createEmbeddedDocumentStore({ path: ':memory:' });
  });
  afterEach(async () => {
    await events.close();
    await documents.close();
  });

  it('is parked with the reason, and the events after it are applied', async () => {
    const append = (id = randomUUID()) =>
      events.appendToStream('s', [
        { id, type: 'Noted.v1', data: { n: 1 }, metadata: { tenantId: 'acme' } },
      ]);
    await append();
    const badId = randomUUID();
    const bad = await append(badId);
    const last = await append();
    const serializer = createEventSerializer(createEventSchemaRegistry());
    const runner = new ProjectionRunner(markingUnreadable(events, badId), documents, serializer, [
      notes,
    ]);
    await runner.runToHead();

    expect(await documents.checkpoint('notes@v1.1')).toBe(last.position);
    const physical = (await documents.activeGeneration('notes')) ?? '';
    expect(await documents.collection(physical).get(documentIdFor('acme', 's'))).toMatchObject({
      count: 2,
    });
    expect(await documents.collection(PARKED_COLLECTION).find({ projection: 'notes' })).toEqual([
      expect.objectContaining({
        eventId: badId,
        position: Number(bad.position),
        error: expect.stringContaining('data is not a JSON object'),
      }),
    ]);
  });
});
