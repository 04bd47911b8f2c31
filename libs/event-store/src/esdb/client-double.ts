import {
  AppendResult,
  BACKWARDS,
  END,
  EventData,
  EventStoreDBClient,
  StreamNotFoundError,
} from '@eventstore/db-client';

/**
 * A stand-in for the parts of EventStoreDBClient the append path calls, for unit tests of the
 * adapter's own logic: it keeps appended events per stream and answers reads from them, with the
 * client's types. It does not imitate the server's checks (expected revisions, idempotency):
 * each test says what the client answers. Server behaviour is the integration suite's job.
 */
export type ClientDouble = {
  client: EventStoreDBClient;
  streams: Map<string, { id: string; type: string }[]>;
  /** Events read by readStream, summed over calls. */
  eventsRead: () => number;
  appends: { streamName: string; events: EventData[] }[];
  metadata: { streamName: string; maxCount?: number }[];
  /** What the next appendToStream answers (default: success at the stream's new revision). */
  answerAppend?: (streamName: string) => Promise<AppendResult>;
};

type ReadOptions = { direction?: unknown; fromRevision?: unknown; maxCount?: number | bigint };

export const clientDouble = (): ClientDouble => {
  const streams = new Map<string, { id: string; type: string }[]>();
  let read = 0;
  const double: ClientDouble = {
    client: undefined as unknown as EventStoreDBClient,
    streams,
    eventsRead: () => read,
    appends: [],
    metadata: [],
  };
  const resolved = (streamName: string, index: number, event: { id: string; type: string }) => ({
    event: {
      streamId: streamName,
      id: event.id,
      type: event.type,
      revision: BigInt(index),
      isJson: true,
      data: {},
      metadata: {},
      created: new Date(0),
      position: { commit: BigInt(1000 + index), prepare: BigInt(1000 + index) },
    },
  });
  const fake = {
    readStream(streamName: string, options: ReadOptions = {}) {
      return (async function* () {
        const events = streams.get(streamName);
        if (!events) throw new StreamNotFoundError(undefined, streamName);
        const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
        const backwards = options.direction === BACKWARDS;
        const start =
          options.fromRevision === undefined || options.fromRevision === END
            ? backwards
              ? events.length - 1
              : 0
            : Number(options.fromRevision);
        for (
          let i = start, n = 0;
          backwards ? i >= 0 : i < events.length;
          i += backwards ? -1 : 1
        ) {
          if (n++ >= max) return;
          read += 1;
          yield resolved(streamName, i, events[i]);
        }
      })();
    },
    async appendToStream(streamName: string, events: EventData[]): Promise<AppendResult> {
      double.appends.push({ streamName, events });
      if (double.answerAppend) return double.answerAppend(streamName);
      const stored = streams.get(streamName) ?? [];
      for (const event of events) stored.push({ id: event.id, type: event.type });
      streams.set(streamName, stored);
      const last = BigInt(stored.length - 1);
      return {
        success: true,
        nextExpectedRevision: last,
        position: { commit: 1000n + last, prepare: 1000n + last },
      };
    },
    async setStreamMetadata(streamName: string, metadata: { maxCount?: number }) {
      double.metadata.push({ streamName, ...metadata });
      return { success: true, nextExpectedRevision: 0n, position: undefined };
    },
  };
  double.client = fake as unknown as EventStoreDBClient;
  return double;
};
