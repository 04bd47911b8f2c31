import { EVENT_SERIALIZER, intentFromOutside, loadConfig } from '@crm/application';
import { DomainError, isAggregateKind } from '@crm/domain';
import { createSqliteEventStore, EventSerializer } from '@crm/event-store';
import { allProjections, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createApp } from '../../apps/api/src/create-app';
import { CommandSender } from '../../apps/api/src/http/command-sender';
import { directContext } from '../support/direct-commands';
import { operationArbitrary, prelude } from '../support/random-operations';
import { dumpReadModels } from '../support/read-model-dump';

const CHILD = join(__dirname, 'projector-child.ts');

const startChild = (dir: string): ChildProcess =>
  spawn(process.execPath, ['-r', '@swc-node/register', CHILD, dir], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/**
 * Runs the projector and kills it with SIGKILL `delayMs` after it has committed `batches` batches,
 * so the kill lands at an arbitrary point of a later batch: reading, applying or committing.
 */
const runAndKill = (
  dir: string,
  batches: number,
  delayMs: number,
): Promise<{ batches: number; killed: boolean }> =>
  new Promise((resolve, reject) => {
    const child = startChild(dir);
    let seen = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += (chunk.toString().match(/^batch /gm) ?? []).length;
      if (seen >= batches) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' || code === 0
        ? resolve({ batches: seen, killed: signal === 'SIGKILL' })
        : reject(new Error(`projector exited with ${code}`)),
    );
  });

const runToEnd = (dir: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = startChild(dir);
    let output = '';
    let errors = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`projector failed: ${errors}`)),
    );
  });

describe('a projection process killed in the middle of its work', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('restarts into read models equal to a clean rebuild: nothing lost, nothing doubled', async () => {
    // A log of a few thousand events, written through the real command path.
    const app = await createApp({
      config: loadConfig({
        CRM_DATA_DIR: dir,
        CRM_RUN_PROJECTIONS: 'false',
        CRM_RUN_PROCESSES: 'false',
      }),
      documentStore: createEmbeddedDocumentStore({ path: ':memory:' }),
      logger: false,
    });
    const operations = [...prelude, ...fc.sample(operationArbitrary, { numRuns: 4000, seed: 7 })];
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

    // Killed ten times at pseudo-random points, then allowed to finish.
    const kills = fc.sample(
      fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 25 })),
      {
        numRuns: 10,
        seed: 11,
      },
    );
    for (const [batches, delayMs] of kills) {
      // Each run must be killed before the end of the log, or the test proves nothing.
      expect(await runAndKill(dir, batches, delayMs)).toEqual({
        batches: expect.any(Number),
        killed: true,
      });
    }
    expect(await runToEnd(dir)).toContain('done');

    const events = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
    const survived = createEmbeddedDocumentStore({ path: join(dir, 'readmodels.sqlite') });
    const clean = createEmbeddedDocumentStore({ path: ':memory:' });
    await new ProjectionRunner(events, clean, serializer, allProjections).runToHead();
    const [afterCrashes, rebuilt] = [await dumpReadModels(survived), await dumpReadModels(clean)];
    expect(afterCrashes.deals.length + afterCrashes.timeline.length).toBeGreaterThan(100);
    expect(afterCrashes).toEqual(rebuilt);
    await Promise.all([events.close(), survived.close(), clean.close()]);
  }, 120_000);
});
