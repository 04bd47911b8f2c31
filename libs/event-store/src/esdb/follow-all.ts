import { AccessDeniedError, InvalidArgumentError } from '@eventstore/db-client';
import { SubscriptionFailedError } from '../errors';
import { RecordedEvent } from '../event-store';
import { backoffDelay } from './backoff';
import { EsdbMappingError } from './esdb-mapping-error';
import { linkSignals } from './linked-signal';
import { ClientResolvedEvent, positionOf, toRecordedEvent } from './recorded-event';
import { isSystemEvent } from './system-events';

/** A live subscription to $all as the client returns it (an async iterable it can cancel). */
export type SubscriptionSource = AsyncIterable<ClientResolvedEvent> & {
  unsubscribe(): Promise<void>;
};

export type FollowAllDeps = {
  /** Opens a subscription to $all strictly after `after` (-1n: from the start of the log). */
  subscribe(after: bigint): SubscriptionSource;
  /** Waits `ms`, or less if the signal aborts. */
  wait(ms: number, signal: AbortSignal): Promise<void>;
  /** Told of each drop, before waiting `retryInMs` and resubscribing. */
  onDropped(error: unknown, retryInMs: number): void;
  /** Told of an error no retry can cure, just before it ends the subscription. */
  onFailed?(error: unknown): void;
  /** Told when an event arrives after a drop: the subscription is live again. */
  onRecovered?(): void;
};

/** gRPC codes a resubscription cannot cure: INVALID_ARGUMENT, PERMISSION_DENIED, UNIMPLEMENTED, UNAUTHENTICATED. */
const PERMANENT_GRPC_CODES: ReadonlySet<number> = new Set([3, 7, 12, 16]);

/**
 * Errors that retrying will not cure: access denied to $all (a secured cluster whose user may
 * not read it; the client reports UNAUTHENTICATED as AccessDeniedError too), a request the server
 * calls invalid or does not implement.
 */
export const isPermanentSubscriptionError = (error: unknown): boolean => {
  if (error instanceof AccessDeniedError || error instanceof InvalidArgumentError) return true;
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'number' && PERMANENT_GRPC_CODES.has(code);
};

const ABORTED = Symbol('aborted');

/** The iterator's next result, or ABORTED as soon as the signal aborts (the read is abandoned). */
const nextUnlessAborted = <T>(
  iterator: AsyncIterator<T>,
  signal: AbortSignal,
): Promise<IteratorResult<T> | typeof ABORTED> => {
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    iterator.next().then(
      (result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
};

const ignore = (): void => undefined;

/**
 * The whole log after `after`, then the live tail, until a signal aborts. The cursor is the
 * position of the last event received (a skipped system event moves it too), and an event at or
 * before it is never delivered, so an event is delivered at most once even if a resubscription
 * replays. When the subscription drops (an error, or an end nobody asked for) it resubscribes
 * from the cursor after 100 ms, doubling to 5 s while drops follow each other without a new
 * event. Neither an EsdbMappingError (an event that cannot be placed in the log) nor a
 * permanent error (isPermanentSubscriptionError) is a drop: the first is thrown to the consumer,
 * the second as SubscriptionFailedError after `onFailed`, so a consumer that cannot read $all
 * fails visibly instead of retrying every 5 s for ever.
 */
export async function* followAll(
  deps: FollowAllDeps,
  after: bigint,
  signals: Array<AbortSignal | undefined>,
): AsyncGenerator<RecordedEvent, void, undefined> {
  const { signal, dispose } = linkSignals(signals);
  try {
    let cursor = after;
    let failures = 0;
    while (!signal.aborted) {
      let source: SubscriptionSource | undefined;
      let unsubscribed = false;
      const unsubscribe = (): Promise<void> => {
        if (unsubscribed || !source) return Promise.resolve();
        unsubscribed = true;
        return source.unsubscribe().catch(ignore);
      };
      const onAbort = (): void => void unsubscribe();
      signal.addEventListener('abort', onAbort, { once: true });
      let dropped: unknown;
      try {
        source = deps.subscribe(cursor);
        const iterator = source[Symbol.asyncIterator]();
        for (;;) {
          const next = await nextUnlessAborted(iterator, signal);
          if (next === ABORTED) return;
          if (next.done) {
            dropped = new Error('the subscription ended');
            break;
          }
          if (!next.value.event) continue;
          const position = positionOf(next.value);
          if (position <= cursor) continue;
          cursor = position;
          if (failures > 0) deps.onRecovered?.();
          failures = 0;
          if (isSystemEvent(next.value.event)) continue;
          yield toRecordedEvent(next.value);
          if (signal.aborted) return;
        }
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof EsdbMappingError) throw error;
        if (isPermanentSubscriptionError(error)) {
          deps.onFailed?.(error);
          throw new SubscriptionFailedError(error);
        }
        dropped = error;
      } finally {
        signal.removeEventListener('abort', onAbort);
        await unsubscribe();
      }
      const retryInMs = backoffDelay(failures);
      failures += 1;
      deps.onDropped(dropped, retryInMs);
      await deps.wait(retryInMs, signal);
    }
  } finally {
    dispose();
  }
}
