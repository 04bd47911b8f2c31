import { AppendResult } from '../event-store';
import { AppendCommitter, CommitListener } from './sqlite-committer';
import { RunGroup } from './sqlite-group-transaction';
import { PreparedAppend } from './sqlite-prepared-append';

/** Appends per transaction at most; a longer queue is committed in several transactions. */
export const DEFAULT_MAX_GROUP_SIZE = 256;

type Waiting = {
  prepared: PreparedAppend;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
};

/**
 * Group commit: appends called during one turn of the event loop queue up, and the queue is
 * committed on the next turn (`setImmediate`, no timer), in transactions of at most
 * `maxGroupSize` appends. `append` itself never commits: a producer that keeps appending from
 * settled promises would otherwise commit group after group in one chain of microtasks, and
 * timers, I/O and subscribers would not run until it stopped.
 * Every promise of a group settles after its transaction ends: on COMMIT each append gets its
 * own result or error; on a failed group every append rejects with the group's error.
 */
export const createGroupCommitter = (
  runGroup: RunGroup,
  onCommit: CommitListener,
  maxGroupSize = DEFAULT_MAX_GROUP_SIZE,
): AppendCommitter => {
  let waiting: Waiting[] = [];
  let scheduled = false;

  const commitGroup = (group: Waiting[]): void => {
    const outcome = runGroup(group.map((entry) => entry.prepared));
    if (!outcome.committed) {
      for (const entry of group) entry.reject(outcome.error);
      return;
    }
    const { outcomes } = outcome;
    group.forEach((entry, index) => {
      const settled = outcomes[index];
      if (settled.ok) entry.resolve(settled.result);
      else entry.reject(settled.error);
    });
    onCommit({
      appends: group.length,
      wroteEvents: group.some(
        (entry, index) => outcomes[index].ok && entry.prepared.events.length > 0,
      ),
    });
  };

  const flush = (): void => {
    const queued = waiting;
    waiting = [];
    for (let start = 0; start < queued.length; start += maxGroupSize) {
      commitGroup(queued.slice(start, start + maxGroupSize));
    }
  };

  const flushScheduled = (): void => {
    scheduled = false;
    flush();
  };

  return {
    append(prepared) {
      return new Promise<AppendResult>((resolve, reject) => {
        waiting.push({ prepared, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flushScheduled);
        }
      });
    },
    drain: flush,
  };
};
