/**
 * The event store port. Shaped after EventStoreDB so its adapter is a thin mapping:
 * revisions start at 0 for a stream's first event (an absent stream has none),
 * global positions only grow and order the whole log.
 */
import { ExpectedRevision } from './expected-revision';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type EventToAppend = {
  /** Unique id of the event; appending an id already stored is a no-op, as in EventStoreDB. */
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
};

export type RecordedEvent = {
  id: string;
  streamName: string;
  type: string;
  /** 0-based position of the event within its stream. */
  revision: bigint;
  /** Position of the event in the whole log; strictly increasing. */
  position: bigint;
  data: JsonObject;
  metadata: JsonObject;
  recordedAt: Date;
  /**
   * Set by an adapter for an event whose stored form it could not read (data or metadata not a
   * JSON object): data and metadata are then empty. It keeps its place in the log so readers
   * move past it; the serializer refuses to decode it, so consumers park it.
   */
  unreadable?: string;
};

export type AppendOptions = {
  expectedRevision?: ExpectedRevision;
  /**
   * For bookkeeping streams (checkpoints): only this many of the stream's last events need to
   * be kept. EventStoreDB sets the stream's `$maxCount`; the SQLite store keeps everything.
   */
  retainLast?: number;
};

export type AppendResult = {
  /** Revision of the last event of the stream after the append. */
  nextRevision: bigint;
  /** Global position of the last event appended (or found, for an idempotent repeat). */
  position: bigint;
};

export type ReadStreamOptions = {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
};

export type ReadAllOptions = {
  /** Exclusive: events after this global position. Defaults to the start of the log. */
  after?: bigint;
  maxCount?: number;
};

export type SubscribeToAllOptions = {
  /** Exclusive, like EventStoreDB: the first event delivered is the one after this position. */
  after?: bigint;
  /** Stops the subscription; the iterator then finishes. */
  signal?: AbortSignal;
};

export interface EventStore {
  /**
   * Appends atomically. Checked in this order:
   * 1. idempotency: if every id is already stored in this stream at consecutive revisions, the
   *    stored result is returned and nothing is written, whatever the expected revision;
   *    any other overlap with stored ids throws PartialDuplicateAppendError;
   * 2. the expected revision (default 'any'): a mismatch throws WrongExpectedRevisionError
   *    carrying the stream's actual revision.
   * An empty list writes nothing and returns the stream's current state: its last revision and
   * that event's position, or -1n for both when the stream is absent.
   */
  appendToStream(
    streamName: string,
    events: EventToAppend[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** Events of one stream; an absent stream reads as an empty list. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** One page of the whole log in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The whole log from a position, then the live tail, until the signal aborts. */
  subscribeToAll(options?: SubscribeToAllOptions): AsyncIterable<RecordedEvent>;
  /** Position of the last event in the log, or -1n for an empty log. */
  headPosition(): Promise<bigint>;
  close(): Promise<void>;
}
