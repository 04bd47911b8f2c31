import { ChildProcess, fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every figure (and the workload build) runs in a child process of its own: its memory, garbage
 * and peak RSS are its own, nothing one figure leaves behind slows the next, and a child can be
 * started with `--cpu-prof` to profile exactly that figure.
 */

export const TASK_NAMES = [
  'workload',
  'raw-floor',
  'catch-up',
  'rebuild',
  'queries',
  'command-path',
  'http',
  'http-server',
  'read-your-writes',
  'disk',
  'webhooks',
  'automation',
] as const;
export type TaskName = (typeof TASK_NAMES)[number];

/** Messages between a parent and a task's child process. */
export type ChildMessage =
  | { type: 'input'; input: unknown }
  | { type: 'done'; result: unknown; maxRssMiB: number }
  | { type: 'failed'; error: string }
  | { type: 'event'; name: string; data: unknown };

export type ChildOutcome<T> = { result: T; maxRssMiB: number; seconds: number };

const CHILD = join(__dirname, 'child.ts');

/**
 * The embedded read store holds every read model in memory; at 1M events that is more than
 * Node's default heap limit (about 4 GiB here). The limit is raised so the figures finish; the
 * memory they really use is what they report (peak RSS).
 */
const DEFAULT_MAX_OLD_SPACE_MIB = 12_288;

export type SpawnOptions = {
  /** Write a .cpuprofile of this process into that directory. */
  profileDir?: string | null;
  /** Heap limit in MiB. */
  maxOldSpaceMiB?: number;
};

export const spawnTask = (task: TaskName, input: unknown, options: SpawnOptions): ChildProcess => {
  const execArgv = ['-r', '@swc-node/register', '--expose-gc'];
  if (options.profileDir) {
    mkdirSync(options.profileDir, { recursive: true });
    execArgv.push(
      '--cpu-prof',
      `--cpu-prof-dir=${options.profileDir}`,
      `--cpu-prof-name=${task}.${Date.now()}.cpuprofile`,
    );
  }
  execArgv.push(`--max-old-space-size=${options.maxOldSpaceMiB ?? DEFAULT_MAX_OLD_SPACE_MIB}`);
  const child = fork(CHILD, [task], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env },
  });
  const message: ChildMessage = { type: 'input', input };
  child.send(message);
  return child;
};

/**
 * Runs a task in a child process and resolves with its result and its peak RSS. `onEvent` sees
 * what the task reports on the way (the HTTP server's port, for one).
 */
export const runInChild = <T>(
  task: TaskName,
  input: unknown,
  options: SpawnOptions & { onEvent?: (name: string, data: unknown, child: ChildProcess) => void },
): Promise<ChildOutcome<T>> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawnTask(task, input, options);
    let outcome: { result: T; maxRssMiB: number } | undefined;
    let failure: string | undefined;
    child.on('message', (raw: unknown) => {
      const message = raw as ChildMessage;
      if (message.type === 'done')
        outcome = { result: message.result as T, maxRssMiB: message.maxRssMiB };
      else if (message.type === 'failed') failure = message.error;
      else if (message.type === 'event') options.onEvent?.(message.name, message.data, child);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      if (outcome) resolve({ ...outcome, seconds });
      else
        reject(
          new Error(
            `task ${task} failed${failure ? `: ${failure}` : ` (exit code ${code}, signal ${signal})`}`,
          ),
        );
    });
  });
