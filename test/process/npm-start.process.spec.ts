import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, portIsFree } from './free-port';
import { npm, ownLines } from './npm-run';

const answering = async (port: number, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/live`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nothing answered on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('npm start', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-start-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // The first run in a fresh clone builds the API; later runs start at once.
  it('serves, and on SIGTERM to npm drains, exits 0 and frees the port', async () => {
    const port = await freePort();
    const server = npm(['start'], { PORT: String(port), CRM_DATA_DIR: dir });
    await answering(port, 170_000);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(await portIsFree(port)).toBe(true);
    expect(server.stdout()).toContain('stopped');
  }, 180_000);

  it('a port in use: one line naming PORT, exit code 1', async () => {
    const holder = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => holder.listen(port, '0.0.0.0', resolve));
    try {
      const server = npm(['start', '--silent'], { PORT: String(port), CRM_DATA_DIR: dir });
      expect((await server.exited).code).toBe(1);
      expect(ownLines(server.stderr())).toEqual([
        `crm-api: cannot start: PORT=${port}: the port is in use by another process; ` +
          'stop that process or set PORT to a free port',
      ]);
    } finally {
      holder.close();
    }
  }, 180_000);

  it('a refused boolean: one line naming the variable, exit code 1', async () => {
    const server = npm(['start', '--silent'], { CRM_RUN_PROJECTIONS: 'yes', CRM_DATA_DIR: dir });
    expect((await server.exited).code).toBe(1);
    expect(ownLines(server.stderr())).toEqual([
      'crm-api: cannot start: CRM_RUN_PROJECTIONS="yes": must be true, false, 1 or 0',
    ]);
  }, 180_000);
});
