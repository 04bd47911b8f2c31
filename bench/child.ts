import 'reflect-metadata';
import { ChildMessage, TASK_NAMES, TaskName } from './run-child';
import { TASKS } from './tasks';

/** Entry point of a task's child process: takes its input over IPC, answers with its result. */
const name = process.argv[2];
if (!(TASK_NAMES as readonly string[]).includes(name)) {
  process.stderr.write(`unknown bench task ${name}\n`);
  process.exit(2);
}
const task = TASKS[name as TaskName];

const send = (message: ChildMessage): Promise<void> =>
  new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });

process.once('message', (raw: unknown) => {
  const message = raw as ChildMessage;
  if (message.type !== 'input') return;
  void (async () => {
    let code = 0;
    try {
      const result = await task(message.input, {
        emit: (event, data) => void send({ type: 'event', name: event, data }),
      });
      await send({ type: 'done', result, maxRssMiB: process.resourceUsage().maxRSS / 1024 });
    } catch (error) {
      code = 1;
      await send({
        type: 'failed',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    process.exit(code);
  })();
});
