import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';

export type RunningFerretDb = { uri: string; pid: number; stop(): Promise<void> };

const STARTUP_TIMEOUT_MS = 30_000;

/** A port the kernel just gave out on 127.0.0.1 (others run tests here too: never a fixed one). */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

/** Pings until the server answers, the process dies, or the start-up time is up. */
const waitUntilServing = async (child: ChildProcess, uri: string, output: () => string) => {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited at start-up:\n${output()}`);
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500 });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch {
      await sleep(100);
    } finally {
      await client.close();
    }
  }
  throw new Error(`FerretDB did not answer within ${STARTUP_TIMEOUT_MS} ms:\n${output()}`);
};

/**
 * Starts FerretDB on its SQLite backend, its databases and state in a fresh temporary folder,
 * listening on a free 127.0.0.1 port; `stop()` ends it and removes the folder.
 */
export const startFerretDb = async (binary: string): Promise<RunningFerretDb> => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-ferretdb-'));
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-', // its debug HTTP listener would take a fixed port
      '--telemetry=disable',
      '--log-level=WARN',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const uri = `mongodb://127.0.0.1:${port}/`;
  const stop = async () => {
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited(child);
    clearTimeout(killer);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(child, uri, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { uri, pid: child.pid ?? -1, stop };
};
