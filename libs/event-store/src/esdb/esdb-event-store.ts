import { EventStoreDBClient, excludeSystemEvents } from '@eventstore/db-client';
import { EventStore } from '../event-store';
import { waitFor } from './backoff';
import { createEsdbAppend } from './esdb-append';
import { createEsdbReads } from './esdb-reads';
import { followAll } from './follow-all';
import { toReadPosition } from './position';
import { toMaxCount } from './read-limit';

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
};

const warnDropped = (error: unknown, retryInMs: number): void => {
  const reason = error instanceof Error ? error.message : String(error);
  console.warn(`eventstoredb subscription dropped (${reason}); resubscribing in ${retryInMs} ms`);
};

/**
 * The EventStore port over EventStoreDB (@eventstore/db-client). Revisions are EventStoreDB's
 * own; global positions are commit positions (see position.ts). The client library is used only
 * inside this folder.
 */
export const createEsdbEventStore = (options: EsdbEventStoreOptions): EventStore => {
  const owned = 'connectionString' in options;
  const client = owned
    ? EventStoreDBClient.connectionString(options.connectionString)
    : options.client;
  const reads = createEsdbReads(client);
  const append = createEsdbAppend(client, reads);
  const onDropped = options.onSubscriptionDropped ?? warnDropped;
  const lifetime = new AbortController();

  return {
    appendToStream(streamName, events, appendOptions) {
      return append(streamName, events, appendOptions?.expectedRevision ?? 'any');
    },

    readStream(streamName, readOptions) {
      return reads.readStream(streamName, readOptions);
    },

    readAll(readOptions = {}) {
      return reads.readAll(readOptions.after ?? -1n, toMaxCount(readOptions.maxCount));
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
          onDropped,
        },
        subscribeOptions.after ?? -1n,
        [subscribeOptions.signal, lifetime.signal],
      );
    },

    headPosition() {
      return reads.headPosition();
    },

    async close() {
      if (lifetime.signal.aborted) return;
      lifetime.abort();
      if (owned) await client.dispose();
    },
  };
};
