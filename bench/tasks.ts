import { BenchContext } from './context';
import { automationTask } from './figures/automation';
import { catchUpTask, rebuildTask } from './figures/catch-up';
import { commandPathTask } from './figures/command-path';
import { diskTask } from './figures/disk';
import { httpServerTask, httpTask } from './figures/http';
import { queriesTask } from './figures/queries';
import { rawFloorTask } from './figures/raw-floor';
import { readYourWritesTask } from './figures/read-your-writes';
import { webhooksTask } from './figures/webhooks';
import { TaskName } from './run-child';
import { BuildWorkloadInput, buildWorkloadTask } from './workload';

export type TaskChannel = { emit: (name: string, data: unknown) => void };
export type Task = (input: unknown, channel: TaskChannel) => Promise<unknown>;

/** What each child process can run; the input crossed the process boundary as JSON. */
export const TASKS: Record<TaskName, Task> = {
  workload: (input) => buildWorkloadTask(input as BuildWorkloadInput),
  'raw-floor': (input) => rawFloorTask(input as BenchContext),
  'catch-up': (input) => catchUpTask(input as BenchContext),
  rebuild: (input) => rebuildTask(input as BenchContext),
  queries: (input) => queriesTask(input as BenchContext),
  'command-path': (input) => commandPathTask(input as BenchContext),
  http: (input) => httpTask(input as BenchContext),
  'http-server': (input, channel) =>
    httpServerTask(input as { dataDir: string; tenant: string }, channel),
  'read-your-writes': (input) => readYourWritesTask(input as BenchContext),
  disk: (input) => diskTask(input as BenchContext),
  webhooks: (input) => webhooksTask(input as BenchContext),
  automation: (input) => automationTask(input as BenchContext),
};
