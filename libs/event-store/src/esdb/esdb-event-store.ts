import { EventStoreDBClient, excludeSystemEvents } from '@eventstore/db-client';
import { EventStore } from '../event-store';
import { waitFor } from './backoff';
import { createEsdbAppend } from './esdb-append';
import { createEsdbReads } from './esdb-reads';
import { followAll } from './follow-all';
import { InFlight } from './in-flight';
import { toReadPosition } from './position';
import { toMaxCount } from './read-limit';
import { SubscriptionStatus, SubscriptionTracker } from './subscription-status';

export type EsdbEventStoreOptions = (
  | {
      /** e.g. `esdb://localhost:2113?tls=false`; the store owns the client and disposes it. */
      connectionString: string;
    }
  | {
      /** A client the caller owns: close() leaves it open. */
      client: EventStoreDBClient;
    }
) & {
  /** Told when a subscription drops and will resubscribe; defaults to a console warning. */
  onSubscriptionDropped?: (error: unknown, retryInMs: number) => void;
  /** Told when a subscription fails for good (access denied, invalid request); defaults to console.error. */
  onSubscriptionFailed?: (error: unknown) => void;
};

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const warnDropped = (error: unknown, retryInMs: number): void => {
  console.warn(
    `eventstoredb subscription dropped (${reasonOf(error)}); resubscribing in ${retryInMs} ms`,
  );
};

const reportFailed = (error: unknown): void => {
  console.error(`eventstoredb subscription failed for good (${reasonOf(error)}); not retrying`);
};

/** The EventStoreDB store: the port, and the state of its subscriptions for readiness checks. */
export type EsdbEventStore = EventStore & { subscriptionStatus(): SubscriptionStatus };

/**
 * The EventStore port over EventStoreDB (@eventstore/db-client). Revisions are EventStoreDB's
 * own; global positions are commit positions (see position.ts). The client library is used only
 * inside this folder. `close()` ends the subscriptions, waits for the appends and reads in
 * flight, and only then disposes a client it owns; calls after it are refused.
 */
export const createEsdbEventStore = (options: EsdbEventStoreOptions): EsdbEventStore => {
  const owned = 'connectionString' in options;
  const client = owned
    ? EventStoreDBClient.connectionString(options.connectionString)
    : options.client;
  const reads = createEsdbReads(client);
  const append = createEsdbAppend(client, reads);
  const tracker = new SubscriptionTracker();
  const onDropped = options.onSubscriptionDropped ?? warnDropped;
  const onFailed = options.onSubscriptionFailed ?? reportFailed;
  const lifetime = new AbortController();
  const inFlight = new InFlight('the EventStoreDB store is closed');
  let closing: Promise<void> | undefined;

  return {
    appendToStream(streamName, events, appendOptions) {
      return inFlight.run(() =>
        append(
          streamName,
          events,
          appendOptions?.expectedRevision ?? 'any',
          appendOptions?.retainLast,
        ),
      );
    },

    readStream(streamName, readOptions) {
      return inFlight.run(() => reads.readStream(streamName, readOptions));
    },

    readAll(readOptions = {}) {
      return inFlight.run(() =>
        reads.readAll(readOptions.after ?? -1n, toMaxCount(readOptions.maxCount)),
      );
    },

    subscribeToAll(subscribeOptions = {}) {
      return followAll(
        {
          subscribe: (after) =>
            client.subscribeToAll({
              fromPosition: toReadPosition(after),
              filter: excludeSystemEvents(),
              resolveLinkTos: false,
            }),
          wait: waitFor,
          onDropped: (error, retryInMs) => {
            tracker.dropped(error);
            onDropped(error, retryInMs);
          },
          onFailed: (error) => {
            tracker.failed(error);
            onFailed(error);
          },
          onRecovered: () => tracker.recovered(),
        },
        subscribeOptions.after ?? -1n,
        [subscribeOptions.signal, lifetime.signal],
      );
    },

    headPosition() {
      return inFlight.run(() => reads.headPosition());
    },

    subscriptionStatus: () => tracker.status(),

    close() {
      closing ??= (async () => {
        lifetime.abort();
        await inFlight.close();
        if (owned) await client.dispose();
      })();
      return closing;
    },
  };
};
