import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
} from '@crm/event-store';
import { createEmbeddedDocumentStore, Document, DocumentStore } from '@crm/read-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentIdFor, ProjectedEvent, Projection } from '../projection';
import { ProjectionRunner } from './projection-runner';
import { PARKED_COLLECTION } from './projection-slot';

type CountDocument = Document & { stream: string; count: number; notes: string[] };

/** Counts events per stream: not idempotent, so a doubled or lost effect shows in `count`. */
const counting = (version = 1, poisonType?: string): Projection =>
  ({
    name: 'counts',
    version,
    indexes: [{ fields: ['tenantId'] }],
    handles: new Set(['Noted', 'Poison']),
    documentIds: (event: ProjectedEvent) => [
      documentIdFor(event.metadata.tenantId, event.streamName),
    ],
    evolve: (current: CountDocument | undefined, event: ProjectedEvent) => {
      if (event.type === poisonType) throw new Error('cannot project this');
      const data = event.data as { note: string };
      return {
        _id: '',
        tenantId: event.metadata.tenantId,
        stream: event.streamName,
        count: (current?.count ?? 0) + 1,
        notes: [...(current?.notes ?? []), data.note],
      };
    },
  }) as unknown as Projection;

const serializer = createEventSerializer(createEventSchemaRegistry());

describe('ProjectionRunner', () => {
  let dir: string;
  let events: EventStore;
  let documents: DocumentStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-runner-'));
    events = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
    documents = createEmbeddedDocumentStore({ path: join(dir, 'read.sqlite') });
  });
  afterEach(async () => {
    await events.close();
    await documents.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const note = async (stream: string, text: string, type = 'Noted') => {
    const metadata = { tenantId: 'acme', recordedAt: '2026-01-01T00:00:00.000Z' };
    return events.appendToStream(stream, [
      { id: randomUUID(), type: `${type}.v1`, data: { note: text }, metadata },
    ]);
  };
  const countOf = async (stream: string): Promise<CountDocument | undefined> => {
    const physical = (await documents.activeGeneration('counts')) ?? '';
    return documents.collection<CountDocument>(physical).get(documentIdFor('acme', stream));
  };

  it('catches up from the start of the log, then follows the live tail', async () => {
    await note('a', 'one');
    await note('a', 'two');
    await note('b', 'three');
    const runner = new ProjectionRunner(events, documents, serializer, [counting()]);
    await runner.start();
    const live = await note('a', 'four');
    expect(await runner.waitForPosition(live.position, 5000)).toBe(true);
    await runner.stop();

    expect(await countOf('a')).toMatchObject({ count: 3, notes: ['one', 'two', 'four'] });
    expect(await countOf('b')).toMatchObject({ count: 1 });
    expect(await documents.checkpoint('counts@v1.1')).toBe(live.position);
  });

  it('leaves the event loop free while it catches up, so a timer runs before it reaches the head', async () => {
    const metadata = { tenantId: 'acme', recordedAt: '2026-01-01T00:00:00.000Z' };
    const backlog = Array.from({ length: 3000 }, (_, i) => ({
      id: randomUUID(),
      type: 'Noted.v1',
      data: { note: `n${i}` },
      metadata,
    }));
    const { position: head } = await events.appendToStream('a', backlog);
    const runner = new ProjectionRunner(events, documents, serializer, [counting()], {
      batchSize: 500,
    });
    const seenByTimer = new Promise<bigint>((resolve) => {
      setTimeout(() => resolve(runner.position()), 0);
    });
    await runner.start();
    expect(await seenByTimer).toBeLessThan(head);
    expect(await runner.waitForPosition(head, 10_000)).toBe(true);
    await runner.stop();
  });

  it('resumes from its checkpoint after a restart without doubling any effect', async () => {
    await note('a', 'one');
    const first = new ProjectionRunner(events, documents, serializer, [counting()]);
    await first.runToHead();
    await note('a', 'two');
    const second = new ProjectionRunner(events, documents, serializer, [counting()]);
    await second.runToHead();
    expect(await countOf('a')).toMatchObject({ count: 2, notes: ['one', 'two'] });
  });

  it('parks a poison event with its error and goes on with the next events', async () => {
    await note('a', 'one');
    const poison = await note('a', 'bad', 'Poison');
    await note('a', 'two');
    const runner = new ProjectionRunner(events, documents, serializer, [counting(1, 'Poison')]);
    await runner.runToHead();

    expect(await countOf('a')).toMatchObject({ count: 2, notes: ['one', 'two'] });
    const parked = await documents.collection(PARKED_COLLECTION).find({ projection: 'counts' });
    expect(parked).toEqual([
      expect.objectContaining({
        eventType: 'Poison',
        position: Number(poison.position),
        error: 'Error: cannot project this',
      }),
    ]);
    expect(runner.status().parked).toBe(1);
  });

  it('rebuilds a new version into a fresh generation and switches only when caught up', async () => {
    await note('a', 'one');
    await new ProjectionRunner(events, documents, serializer, [counting(1)]).runToHead();
    expect(await documents.activeGeneration('counts')).toBe('counts@v1.1');

    await note('a', 'two');
    const rebuilt = new ProjectionRunner(events, documents, serializer, [counting(2)]);
    await rebuilt.runToHead();

    expect(await documents.activeGeneration('counts')).toBe('counts@v2.2');
    expect(await countOf('a')).toMatchObject({ count: 2, notes: ['one', 'two'] });
    expect(await documents.collection('counts@v1.1').count({})).toBe(0);
  });

  it('rebuilds on request into a fresh generation equal to the live one', async () => {
    await note('a', 'one');
    await note('b', 'two');
    await new ProjectionRunner(events, documents, serializer, [counting()]).runToHead();
    const live = await documents.collection('counts@v1.1').find({}, { sort: { _id: 1 } });

    await new ProjectionRunner(events, documents, serializer, [counting()], {
      rebuild: true,
    }).runToHead();

    expect(await documents.activeGeneration('counts')).toBe('counts@v1.2');
    expect(await documents.collection('counts@v1.2').find({}, { sort: { _id: 1 } })).toEqual(live);
  });

  it('leaves documents it has already applied an event to as they are (position guard)', async () => {
    const appended = await note('a', 'one');
    const runner = new ProjectionRunner(events, documents, serializer, [counting()]);
    await runner.runToHead();
    // Forget the checkpoint but keep the documents: what a commit without transactions can leave.
    await documents.commit({
      writes: [],
      checkpoints: [{ name: 'counts@v1.1', position: -1n }],
      position: appended.position,
    });
    await new ProjectionRunner(events, documents, serializer, [counting()]).runToHead();
    expect(await countOf('a')).toMatchObject({ count: 1 });
  });
});
