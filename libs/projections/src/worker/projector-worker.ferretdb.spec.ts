import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
} from '@crm/event-store';
import {
  createEmbeddedDocumentStore,
  DocumentStore,
  LeaseLostError,
  WriteBatch,
} from '@crm/read-store';
import { createMongoDocumentStore } from '@crm/read-store/mongodb/mongo-document-store';
import { Db, MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mongoLeaseStoreOn } from '../lease/mongo-lease-store';
import { LEASES_COLLECTION } from '../lease/mongo-lease-operations';
import { Projection } from '../projection';
import { allProjections } from '../read-models/all-projections';
import { ProjectionRunner } from '../runner/projection-runner';
import { leaseNameFor } from './lease-keeper';
import { ProjectorWorker } from './projector-worker';
import { appendContacts } from './testing/contact-events';
import { freezableLeases } from './testing/freezable-leases';
import { eventually } from './testing/eventually';
import { checkpointsOf, dumpProjections } from './testing/read-model-dump';

/**
 * The projector on a MongoDB-wire server (FerretDB in `npm test`): read models and leases in the
 * same database, the real lease store, no transactions. Takeovers here have one acquirer at a
 * time: FerretDB's conditional updates are not atomic (README, "MongoDB and FerretDB").
 */
const serializer = createEventSerializer(createEventSchemaRegistry());
const projections: Projection[] = allProjections.filter((p) =>
  ['contacts', 'timeline'].includes(p.name),
);
const TIMING = { ttlMs: 900, renewEveryMs: 150, stopMarginMs: 350 };

describe('ProjectorWorker on MongoDB leases', () => {
  const uri = process.env.MONGODB_URI ?? '';
  let client: MongoClient;
  let db: Db;
  let databaseName: string;
  let dir: string;
  let events: EventStore;
  let documents: DocumentStore;
  let workers: ProjectorWorker[];

  beforeAll(async () => {
    client = await new MongoClient(uri).connect();
  });

  afterAll(async () => {
    await client.close();
  });

  beforeEach(() => {
    databaseName = `crm_worker_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    db = client.db(databaseName);
    dir = mkdtempSync(join(tmpdir(), 'crm-worker-mongo-'));
    events = createSqliteEventStore({ path: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    documents = createMongoDocumentStore({ client, databaseName, transactions: 'never' });
    workers = [];
  });

  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await events.close();
    await db.dropDatabase();
    rmSync(dir, { recursive: true, force: true });
  });

  const worker = (
    owner: string,
    options: { documents?: DocumentStore; leases?: ReturnType<typeof mongoLeaseStoreOn> } = {},
  ): ProjectorWorker => {
    const created = new ProjectorWorker({
      events,
      documents: options.documents ?? documents,
      serializer,
      leases: options.leases ?? mongoLeaseStoreOn(db),
      owner,
      projections,
      ...TIMING,
      runner: { batchSize: 7, lingerMs: 1 },
    });
    workers.push(created);
    return created;
  };

  const caughtUp = (head: bigint): Promise<void> =>
    eventually(
      `every read model reaches ${head}`,
      async () =>
        Object.values(await checkpointsOf(documents, projections)).every((c) => c === head),
      30_000,
    );

  const expectRebuildEquivalent = async (): Promise<void> => {
    const clean = createEmbeddedDocumentStore({ path: ':memory:' });
    await new ProjectionRunner(events, clean, serializer, projections).runToHead();
    const live = await dumpProjections(documents, projections);
    expect(live.contacts.length).toBeGreaterThan(0);
    expect(live).toEqual(await dumpProjections(clean, projections));
    await clean.close();
  };

  const holderOf = async (projection: string) =>
    (await db.collection(LEASES_COLLECTION).findOne({ _id: leaseNameFor(projection) as never }))
      ?.owner;

  it('one runs, one stands by; the standby takes over once the active one stops', async () => {
    await appendContacts(events, serializer, 10);
    const active = worker('a');
    const standby = worker('b');
    await active.start();
    await standby.start();
    expect(active.status()).toMatchObject({ running: ['contacts', 'timeline'] });
    expect(standby.status()).toMatchObject({ held: [], running: [] });
    expect(await holderOf('contacts')).toBe('a');
    await caughtUp(await appendContacts(events, serializer, 10));

    await active.stop();
    const later = await appendContacts(events, serializer, 10);
    await eventually('the standby runs both', () => standby.status().running.length === 2, 20_000);
    expect(await holderOf('contacts')).toBe('b');
    await caughtUp(later);
    await expectRebuildEquivalent();
  });

  it('a graceful stop commits the batch in flight; a restart applies nothing twice', async () => {
    const head = await appendContacts(events, serializer, 30);
    let inFlight: WriteBatch | undefined;
    let letCommit = (): void => undefined;
    const gate = new Promise<void>((resolve) => (letCommit = resolve));
    const slowCommits: DocumentStore = {
      ...documents,
      async commit(batch) {
        if (!inFlight) {
          inFlight = batch;
          await gate;
        }
        await documents.commit(batch);
      },
    };
    const stopping = worker('a', { documents: slowCommits });
    await stopping.start();
    await eventually('a batch is being committed', () => inFlight !== undefined);
    let stopped = false;
    const stop = stopping.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false); // waiting for the batch in flight
    letCommit();
    await stop;
    const committed = inFlight?.position ?? -1n;
    expect(committed).toBeGreaterThan(-1n);
    expect(committed).toBeLessThan(head); // it stopped after that batch, not at the head
    for (const projection of projections)
      expect(await documents.checkpoint(`${projection.name}@v${projection.version}.1`)).toBe(
        committed,
      );
    expect(await holderOf('contacts')).toBeUndefined(); // released on stop

    await worker('b').start();
    await caughtUp(head);
    await expectRebuildEquivalent();
  });

  it('a former holder paused past its lease cannot commit after the new holder took over', async () => {
    await appendContacts(events, serializer, 10);
    let paused: WriteBatch | undefined;
    let resume = (): void => undefined;
    const held = new Promise<void>((resolve) => (resume = resolve));
    let refused: unknown;
    // Below the worker's own fence check: as if the process stalled inside the store call.
    const stalling: DocumentStore = {
      ...documents,
      async commit(batch) {
        if (paused === undefined && batch.writes.length > 0) {
          paused = batch;
          await held;
        }
        try {
          await documents.commit(batch);
        } catch (error) {
          refused ??= error;
          throw error;
        }
      },
    };
    const frozen = freezableLeases(mongoLeaseStoreOn(db));
    const former = worker('a', { documents: stalling, leases: frozen });
    await former.start();
    await eventually('a batch is stalled in the store', () => paused !== undefined);
    frozen.freeze(); // no renewals: the lease lapses while the commit is stalled

    const successor = worker('b');
    await successor.start();
    await eventually(
      'the successor holds the leases',
      async () => (await holderOf('contacts')) === 'b',
      20_000,
    );
    const head = await appendContacts(events, serializer, 5);
    await eventually(
      'the successor runs both',
      () => successor.status().running.length === 2,
      20_000,
    );
    await caughtUp(head);
    const before = await dumpProjections(documents, projections);

    resume();
    await eventually('the stalled commit has been answered', () => refused !== undefined);
    expect(refused).toBeInstanceOf(LeaseLostError);
    expect(await dumpProjections(documents, projections)).toEqual(before);
    expect(Object.values(await checkpointsOf(documents, projections))).toEqual([head, head]);
    await expectRebuildEquivalent();
  });
});
