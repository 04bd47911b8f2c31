import { setImmediate as nextTurn } from 'node:timers/promises';
import { RecordedEvent } from '../event-store';
import { AppendNotifier } from './append-notifier';

export const SUBSCRIPTION_PAGE_SIZE = 500;

export type FollowLogDeps = {
  readAfter(position: bigint, maxCount: number): RecordedEvent[];
  notifier: AppendNotifier;
  /** Upper bound on how long a caught-up subscriber waits before re-reading the log. */
  pollIntervalMs: number;
};

/**
 * Catch-up then live: pages through the log after `after`, and once a page comes back short
 * waits for an append by this instance (immediate wake) or the poll interval (appends by other
 * connections to the same file). The cursor is the position of the last event delivered, so no
 * event is delivered twice; none is skipped because writers are serialized (IMMEDIATE
 * transactions), so positions become visible in increasing order.
 *
 * Every full page ends with a turn of the event loop: a page is read synchronously and a consumer
 * awaiting only settled promises would otherwise run the whole backlog in microtasks, starving
 * timers and I/O (HTTP requests, health checks, the API's own start) until it caught up.
 */
export async function* followLog(
  deps: FollowLogDeps,
  after: bigint,
  signal?: AbortSignal,
): AsyncGenerator<RecordedEvent, void, undefined> {
  const { notifier } = deps;
  const stopped = (): boolean => notifier.isClosed || signal?.aborted === true;
  let cursor = after;
  while (!stopped()) {
    const seen = notifier.version;
    const page = deps.readAfter(cursor, SUBSCRIPTION_PAGE_SIZE);
    for (const event of page) {
      if (stopped()) return;
      cursor = event.position;
      yield event;
    }
    if (page.length < SUBSCRIPTION_PAGE_SIZE) {
      await notifier.waitForChange(seen, deps.pollIntervalMs, signal);
    } else {
      await nextTurn();
    }
  }
}
