import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../../test/process/free-port';
import { treeCpuMs } from './process-cpu';

const ROOT = join(__dirname, '..', '..');
const POLL_MS = 10;
const GIVE_UP_MS = 60_000;

/** Resolves once GET /health/live on the port answers 200. */
const live = async (port: number, exited: () => boolean): Promise<void> => {
  const deadline = performance.now() + GIVE_UP_MS;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/live`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (exited() || performance.now() > deadline) throw new Error('the API did not come up');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};

export type StartTiming = { ms: number; cpuMs?: number };

/**
 * Milliseconds from spawning `command` (npm start, or node on the built entry) on a fresh data
 * directory to /health/live answering 200, with the CPU time the process tree used until then;
 * then SIGTERM, and the exit awaited (code 0 required).
 */
export const timeToLive = async (command: string, args: string[]): Promise<StartTiming> => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-start-time-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), CRM_DATA_DIR: dir, CRM_LOG_FORMAT: 'json' },
    stdio: 'ignore',
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await live(port, () => child.exitCode !== null);
    const elapsed = performance.now() - started;
    const cpuMs = child.pid === undefined ? undefined : treeCpuMs(child.pid);
    child.kill('SIGTERM');
    const code = await exit;
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code} on SIGTERM`);
    return { ms: elapsed, cpuMs };
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Milliseconds from spawning `command` to its exit (code 0 required). */
export const timeToExit = async (command: string, args: string[]): Promise<StartTiming> => {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}`);
  return { ms: performance.now() - started };
};
