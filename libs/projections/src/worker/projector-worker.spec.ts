import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
} from '@crm/event-store';
import { createEmbeddedDocumentStore, DocumentStore, WriteBatch } from '@crm/read-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedLeaseStore, EmbeddedLeaseStore } from '../lease/embedded-lease-store';
import { LeaseStore } from '../lease/lease-store';
import { Projection } from '../projection';
import { allProjections } from '../read-models/all-projections';
import { ProjectionRunner } from '../runner/projection-runner';
import { leaseNameFor } from './lease-keeper';
import { ProjectorWorker, WorkerLogLevel } from './projector-worker';
import { appendContacts } from './testing/contact-events';
import { eventually } from './testing/eventually';
import { freezableLeases } from './testing/freezable-leases';
import { leaseCheckedDocuments, RecordedCommit } from './testing/lease-guard';
import { checkpointsOf, dumpProjections } from './testing/read-model-dump';

const serializer = createEventSerializer(createEventSchemaRegistry());
const projections: Projection[] = allProjections.filter((p) =>
  ['contacts', 'timeline'].includes(p.name),
);
const [contacts] = projections;
const TIMING = { ttlMs: 600, renewEveryMs: 100, stopMarginMs: 250 };

/** The owners that committed a projection, in commit order, consecutive repeats collapsed. */
const handovers = (commits: RecordedCommit[], projection: string): string[] =>
  commits
    .filter((commit) => commit.projections.includes(projection))
    .map((commit) => commit.owner)
    .filter((owner, index, owners) => index === 0 || owners[index - 1] !== owner);

describe('ProjectorWorker', () => {
  let dir: string;
  let events: EventStore;
  let documents: DocumentStore;
  let leases: EmbeddedLeaseStore;
  let record: { commits: RecordedCommit[]; violations: string[] };
  let logs: { owner: string; level: WorkerLogLevel; message: string }[];
  let workers: ProjectorWorker[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-worker-'));
    events = createSqliteEventStore({ path: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    documents = createEmbeddedDocumentStore({ path: join(dir, 'readmodels.sqlite') });
    leases = createEmbeddedLeaseStore(documents);
    record = { commits: [], violations: [] };
    logs = [];
    workers = [];
  });
  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await events.close();
    await documents.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const worker = (
    owner: string,
    options: {
      wanted?: Projection[];
      leases?: LeaseStore;
      documents?: DocumentStore;
      events?: EventStore;
    } = {},
  ): ProjectorWorker => {
    const created = new ProjectorWorker({
      events: options.events ?? events,
      documents: leaseCheckedDocuments(options.documents ?? documents, owner, leases, record),
      serializer,
      leases: options.leases ?? leases,
      owner,
      projections: options.wanted ?? projections,
      ...TIMING,
      runner: { batchSize: 7, lingerMs: 1 },
      log: (level, message) => logs.push({ owner, level, message }),
    });
    workers.push(created);
    return created;
  };

  const caughtUp = (head: bigint): Promise<void> =>
    eventually(`every read model reaches ${head}`, async () =>
      Object.values(await checkpointsOf(documents, projections)).every((c) => c === head),
    );

  const cleanRebuild = async () => {
    const clean = createEmbeddedDocumentStore({ path: ':memory:' });
    await new ProjectionRunner(events, clean, serializer, projections).runToHead();
    const dump = await dumpProjections(clean, projections);
    await clean.close();
    return dump;
  };

  const expectRebuildEquivalent = async (): Promise<void> => {
    const live = await dumpProjections(documents, projections);
    expect(live.contacts.length).toBeGreaterThan(0);
    expect(live).toEqual(await cleanRebuild());
  };

  it('one runs, one stands by; the standby takes over once the active one stops', async () => {
    await appendContacts(events, serializer, 10);
    const active = worker('a');
    const standby = worker('b');
    await active.start();
    await standby.start();
    expect(active.status()).toMatchObject({
      held: ['contacts', 'timeline'],
      running: ['contacts', 'timeline'],
    });
    expect(standby.status()).toMatchObject({ held: [], running: [] });

    const head = await appendContacts(events, serializer, 10);
    await caughtUp(head);
    expect(standby.status().held).toEqual([]);

    await active.stop();
    expect(active.status()).toMatchObject({ held: [], running: [] });
    const later = await appendContacts(events, serializer, 10);
    await eventually('the standby runs both', () => standby.status().running.length === 2);
    await caughtUp(later);

    expect(record.violations).toEqual([]);
    for (const projection of projections)
      expect(handovers(record.commits, projection.name)).toEqual(['a', 'b']);
    await expectRebuildEquivalent();
  });

  it('an active worker that stops answering stops its projections before its leases expire; the standby takes over after', async () => {
    await appendContacts(events, serializer, 10);
    const hanging = freezableLeases(leases);
    const active = worker('a', { leases: hanging });
    const standby = worker('b');
    await active.start();
    await standby.start();
    await caughtUp(await events.headPosition());

    let appending = true;
    const appender = (async () => {
      while (appending) {
        await appendContacts(events, serializer, 1);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();

    hanging.freeze();
    const expiresAt = leases.holder(leaseNameFor(contacts.name))?.expiresAt.getTime() ?? 0;
    await eventually(
      'the hung worker stops its projections',
      () => active.status().running.length === 0,
    );
    const stoppedAt = Date.now();
    await eventually('the standby runs both', () => standby.status().running.length === 2);
    const tookOverAt = Date.now();
    appending = false;
    await appender;
    await caughtUp(await events.headPosition());

    expect(stoppedAt).toBeLessThan(expiresAt);
    expect(tookOverAt).toBeGreaterThan(expiresAt);
    expect(record.violations).toEqual([]);
    for (const projection of projections)
      expect(handovers(record.commits, projection.name)).toEqual(['a', 'b']);
    await expectRebuildEquivalent();
  });

  it('splits projections between workers: each runs only those whose lease it holds', async () => {
    await appendContacts(events, serializer, 10);
    const first = worker('a', { wanted: [contacts] });
    const second = worker('b');
    await first.start();
    await second.start();
    expect(first.status()).toMatchObject({ held: ['contacts'], running: ['contacts'] });
    expect(second.status()).toMatchObject({ held: ['timeline'], running: ['timeline'] });
    await caughtUp(await appendContacts(events, serializer, 10));
    expect(
      new Set(record.commits.filter((c) => c.owner === 'a').flatMap((c) => c.projections)),
    ).toEqual(new Set(['contacts']));
    expect(
      new Set(record.commits.filter((c) => c.owner === 'b').flatMap((c) => c.projections)),
    ).toEqual(new Set(['timeline']));

    await first.stop();
    await eventually('the second worker runs both', () => second.status().running.length === 2);
    await caughtUp(await appendContacts(events, serializer, 5));
    expect(record.violations).toEqual([]);
    expect(handovers(record.commits, 'contacts')).toEqual(['a', 'b']);
    expect(handovers(record.commits, 'timeline')).toEqual(['b']);
    await expectRebuildEquivalent();
  });

  it('a graceful stop finishes and commits the batch in flight; a restart applies nothing twice', async () => {
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
    for (const projection of projections)
      expect(leases.holder(leaseNameFor(projection.name))).toBeUndefined();

    const subscribedAfter: (bigint | undefined)[] = [];
    const watched: EventStore = {
      ...events,
      subscribeToAll(options) {
        subscribedAfter.push(options?.after);
        return events.subscribeToAll(options);
      },
    };
    await worker('b', { events: watched }).start();
    await caughtUp(head);
    expect(subscribedAfter).toEqual([committed]);
    expect(record.violations).toEqual([]);
    await expectRebuildEquivalent();
  });

  it('resumes projections whose store failed, from their checkpoints', async () => {
    const head = await appendContacts(events, serializer, 10);
    let failures = 1;
    const flaky: DocumentStore = {
      ...documents,
      async commit(batch) {
        if (failures-- > 0) throw new Error('disk full');
        await documents.commit(batch);
      },
    };
    await worker('a', { documents: flaky }).start();
    await caughtUp(head);
    expect(logs.map((l) => l.message)).toContain(
      'projections stalled; retrying them from their checkpoints',
    );
    await expectRebuildEquivalent();
  });

  it('refuses timings where a renewal could come after the stop deadline', () => {
    expect(
      () =>
        new ProjectorWorker({
          events,
          documents,
          serializer,
          leases,
          owner: 'a',
          projections,
          ttlMs: 1000,
          renewEveryMs: 500,
          stopMarginMs: 500,
        }),
    ).toThrow(RangeError);
  });
});
