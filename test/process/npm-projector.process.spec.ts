import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { npm } from './npm-run';

describe('npm run projector', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-projector-npm-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // The first run in a fresh clone builds the projector; later runs start at once.
  it('on SIGTERM to npm releases its leases, closes the stores and exits 0', async () => {
    const port = await freePort();
    const projector = npm(['run', 'projector'], {
      CRM_DATA_DIR: dir,
      CRM_PROJECTOR_ID: 'npm-projector',
      CRM_METRICS_PORT: String(port),
    });
    await projector.printed('"msg":"projector running"', 170_000);
    const live = await fetch(`http://127.0.0.1:${port}/health/live`);
    expect(live.status).toBe(200);
    projector.child.kill('SIGTERM');
    expect(await projector.exited).toEqual({ code: 0, signal: null });
    expect(projector.stdout()).toContain('"msg":"projector stopped"');
  }, 180_000);
});
