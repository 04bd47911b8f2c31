import { AppendResult } from '../event-store';
import { AppendCommitter, CommitListener } from './sqlite-committer';
import { RunGroup } from './sqlite-group-transaction';
import { PreparedAppend } from './sqlite-prepared-append';

/** Appends per transaction at most; a full group is committed at once, without waiting. */
export const DEFAULT_MAX_GROUP_SIZE = 256;

type Waiting = {
  prepared: PreparedAppend;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
};

/**
 * Group commit: appends called while a group is open join it; the group runs on the next turn
 * of the event loop (`setImmediate`, no timer), or at once when it reaches `maxGroupSize`.
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

  const flush = (): void => {
    if (waiting.length === 0) return;
    const group = waiting;
    waiting = [];
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

  const flushScheduled = (): void => {
    scheduled = false;
    flush();
  };

  return {
    append(prepared) {
      return new Promise<AppendResult>((resolve, reject) => {
        waiting.push({ prepared, resolve, reject });
        if (waiting.length >= maxGroupSize) {
          flush();
        } else if (!scheduled) {
          scheduled = true;
          setImmediate(flushScheduled);
        }
      });
    },
    drain: flush,
  };
};
