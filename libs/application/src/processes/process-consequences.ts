import { EventStore } from '@crm/event-store';
import { loadCheckpointEntry } from './process-checkpoints';

const POLL_MS = 20;

/** A command answer's position, moved past what the process managers it starts wrote for it. */
export type CoveredPosition = {
  position: bigint;
  /** Process managers that had not handled the command's events within the bound. */
  pending: string[];
};

/**
 * Waits, within `timeoutMs`, until each named process manager has handled the event at
 * `position` (wherever it runs: its checkpoints are in the event store), and answers a position
 * that covers the commands it issued for it, so `?minPosition=` on a record the process created
 * waits for that record too. A process that does not get there in time is named in `pending`.
 * Unless `runsHere`, a process with no checkpoint at all has never run anywhere: it is named
 * at once rather than waited for.
 */
export const coverProcesses = async (
  store: EventStore,
  names: readonly string[],
  position: bigint,
  { timeoutMs, runsHere }: { timeoutMs: number; runsHere: boolean },
): Promise<CoveredPosition> => {
  const deadline = Date.now() + timeoutMs;
  let covered = position;
  const pending: string[] = [];
  for (const name of names) {
    for (;;) {
      const checkpoint = await loadCheckpointEntry(store, name);
      if (checkpoint && checkpoint.handled >= position) {
        if (checkpoint.at > covered) covered = checkpoint.at;
        break;
      }
      if (Date.now() >= deadline || (!checkpoint && !runsHere)) {
        pending.push(name);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  return { position: covered, pending };
};
