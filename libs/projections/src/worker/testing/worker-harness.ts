import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
} from '@crm/event-store';
import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedLeaseStore, EmbeddedLeaseStore } from '../../lease/embedded-lease-store';
import { LeaseStore } from '../../lease/lease-store';
import { Projection } from '../../projection';
import { allProjections } from '../../read-models/all-projections';
import { ProjectionRunner } from '../../runner/projection-runner';
import { ProjectorWorker, WorkerLogLevel } from '../projector-worker';
import { eventually } from './eventually';
import { leaseCheckedDocuments, RecordedCommit } from './lease-guard';
import { checkpointsOf, dumpProjections } from './read-model-dump';

export const serializer = createEventSerializer(createEventSchemaRegistry());
export const projections: Projection[] = allProjections.filter((p) =>
  ['contacts', 'timeline'].includes(p.name),
);
const TIMING = { ttlMs: 600, renewEveryMs: 100, stopMarginMs: 250 };

/** The owners that committed a projection, in commit order, consecutive repeats collapsed. */
export const handovers = (commits: RecordedCommit[], projection: string): string[] =>
  commits
    .filter((commit) => commit.projections.includes(projection))
    .map((commit) => commit.owner)
    .filter((owner, index, owners) => index === 0 || owners[index - 1] !== owner);

type WorkerOptions = {
  wanted?: Projection[];
  leases?: LeaseStore;
  documents?: DocumentStore;
  events?: EventStore;
};

/**
 * The worker suites' set-up, fresh for every test (an event store, a read store and leases in a
 * temporary folder): workers whose commits are checked against the leases they hold, and the
 * checks every suite ends with.
 */
export const useWorkerHarness = () => {
  const harness = {
    events: undefined as unknown as EventStore,
    documents: undefined as unknown as DocumentStore,
    leases: undefined as unknown as EmbeddedLeaseStore,
    record: { commits: [] as RecordedCommit[], violations: [] as string[] },
    logs: [] as { owner: string; level: WorkerLogLevel; message: string }[],
    workers: [] as ProjectorWorker[],

    worker(owner: string, options: WorkerOptions = {}): ProjectorWorker {
      const created = new ProjectorWorker({
        events: options.events ?? harness.events,
        documents: leaseCheckedDocuments(
          options.documents ?? harness.documents,
          owner,
          harness.leases,
          harness.record,
        ),
        serializer,
        leases: options.leases ?? harness.leases,
        owner,
        projections: options.wanted ?? projections,
        ...TIMING,
        runner: { batchSize: 7, lingerMs: 1 },
        log: (level, message) => harness.logs.push({ owner, level, message }),
      });
      harness.workers.push(created);
      return created;
    },

    caughtUp(head: bigint): Promise<void> {
      return eventually(`every read model reaches ${head}`, async () =>
        Object.values(await checkpointsOf(harness.documents, projections)).every((c) => c === head),
      );
    },

    /** The live read models equal a clean rebuild of the whole log. */
    async expectRebuildEquivalent(): Promise<void> {
      const live = await dumpProjections(harness.documents, projections);
      expect(live.contacts.length).toBeGreaterThan(0);
      const clean = createEmbeddedDocumentStore({ path: ':memory:' });
      await new ProjectionRunner(harness.events, clean, serializer, projections).runToHead();
      const rebuilt = await dumpProjections(clean, projections);
      await clean.close();
      expect(live).toEqual(rebuilt);
    },
  };
  let dir = '';

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-worker-'));
    harness.events = createSqliteEventStore({
      path: join(dir, 'events.sqlite'),
      pollIntervalMs: 20,
    });
    harness.documents = createEmbeddedDocumentStore({ path: join(dir, 'readmodels.sqlite') });
    harness.leases = createEmbeddedLeaseStore(harness.documents);
    harness.record = { commits: [], violations: [] };
    harness.logs = [];
    harness.workers = [];
  });
  afterEach(async () => {
    await Promise.all(harness.workers.map((worker) => worker.stop()));
    await harness.events.close();
    await harness.documents.close();
    rmSync(dir, { recursive: true, force: true });
  });

  return harness;
};
