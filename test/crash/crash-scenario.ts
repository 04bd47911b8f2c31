import { EVENT_SERIALIZER, intentFromOutside, loadConfig } from '@crm/application';
import { DomainError, isAggregateKind } from '@crm/domain';
import { createSqliteEventStore, EventSerializer } from '@crm/event-store';
import { allProjections, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { createApp } from '../../apps/api/src/create-app';
import { CommandSender } from '../../apps/api/src/http/command-sender';
import { directContext } from '../support/direct-commands';
import { operationArbitrary, prelude } from '../support/random-operations';
import { dumpReadModels } from '../support/read-model-dump';

const CHILD = join(__dirname, 'projector-child.ts');

/** Where the killed projector keeps its read models: the embedded file, or a MongoDB database. */
export type CrashReadStore =
  { kind: 'embedded' } | { kind: 'mongodb'; uri: string; databaseName: string };

const childArguments = (dir: string, readStore: CrashReadStore): string[] =>
  readStore.kind === 'embedded' ? [dir] : [dir, readStore.uri, readStore.databaseName];

const startChild = (dir: string, readStore: CrashReadStore): ChildProcess =>
  spawn(process.execPath, ['-r', '@swc-node/register', CHILD, ...childArguments(dir, readStore)], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/**
 * Runs the projector and kills it with SIGKILL `delayMs` after it has committed `batches` batches,
 * so the kill lands at an arbitrary point of a later batch: reading, applying or committing.
 */
const runAndKill = (
  dir: string,
  readStore: CrashReadStore,
  batches: number,
  delayMs: number,
): Promise<{ batches: number; killed: boolean }> =>
  new Promise((resolve, reject) => {
    const child = startChild(dir, readStore);
    let seen = 0;
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += (chunk.toString().match(/^batch /gm) ?? []).length;
      if (seen >= batches) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' || code === 0
        ? resolve({ batches: seen, killed: signal === 'SIGKILL' })
        : reject(new Error(`projector exited with ${code}: ${errors}`)),
    );
  });

const runToEnd = (dir: string, readStore: CrashReadStore): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = startChild(dir, readStore);
    let output = '';
    let errors = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`projector failed: ${errors}`)),
    );
  });

/** A log of a few thousand events, written through the real command path, in `<dir>`. */
export const writeLog = async (dir: string, operationCount: number): Promise<EventSerializer> => {
  const app = await createApp({
    config: loadConfig({
      CRM_DATA_DIR: dir,
      CRM_RUN_PROJECTIONS: 'false',
      CRM_RUN_PROCESSES: 'false',
    }),
    documentStore: createEmbeddedDocumentStore({ path: ':memory:' }),
    logger: false,
  });
  const operations = [
    ...prelude,
    ...fc.sample(operationArbitrary, { numRuns: operationCount, seed: 7 }),
  ];
  for (const { kind, recordId, type, data } of operations) {
    if (!isAggregateKind(kind)) continue;
    await app
      .get(CommandSender)
      .send(kind, recordId, intentFromOutside(kind, { type, data }), directContext())
      .catch((error: unknown) => {
        if (!(error instanceof DomainError) && !(error as { code?: string }).code) throw error;
      });
  }
  const serializer = app.get<EventSerializer>(EVENT_SERIALIZER);
  await app.close();
  return serializer;
};

/**
 * Kills the projector `kills` times at pseudo-random points, lets it finish, and expects the
 * read models it left (`survived`) to equal a clean rebuild of the same log.
 */
export const expectCrashesLeaveARebuild = async (options: {
  dir: string;
  readStore: CrashReadStore;
  serializer: EventSerializer;
  kills: number;
  survived: () => DocumentStore;
}): Promise<void> => {
  const { dir, readStore, serializer } = options;
  const kills = fc.sample(
    fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 25 })),
    { numRuns: options.kills, seed: 11 },
  );
  for (const [batches, delayMs] of kills) {
    // Each run must be killed before the end of the log, or the test proves nothing.
    expect(await runAndKill(dir, readStore, batches, delayMs)).toEqual({
      batches: expect.any(Number),
      killed: true,
    });
  }
  expect(await runToEnd(dir, readStore)).toContain('done');

  const events = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
  const survived = options.survived();
  const clean = createEmbeddedDocumentStore({ path: ':memory:' });
  await new ProjectionRunner(events, clean, serializer, allProjections).runToHead();
  const [afterCrashes, rebuilt] = [await dumpReadModels(survived), await dumpReadModels(clean)];
  expect(afterCrashes.deals.length + afterCrashes.timeline.length).toBeGreaterThan(100);
  expect(afterCrashes).toEqual(rebuilt);
  await Promise.all([events.close(), survived.close(), clean.close()]);
};
