import { createEmbeddedDocumentStore } from '@crm/read-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectCrashesLeaveARebuild, writeLog } from './crash-scenario';

describe('a projection process killed in the middle of its work', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('restarts into read models equal to a clean rebuild: nothing lost, nothing doubled', async () => {
    const serializer = await writeLog(dir, 4000);
    // Killed ten times at pseudo-random points, then allowed to finish.
    await expectCrashesLeaveARebuild({
      dir,
      readStore: { kind: 'embedded' },
      serializer,
      kills: 10,
      survived: () => createEmbeddedDocumentStore({ path: join(dir, 'readmodels.sqlite') }),
    });
  }, 120_000);
});
