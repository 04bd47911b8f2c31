import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  ReadRevision,
  ReadStreamOptions as ClientReadStreamOptions,
  START,
} from '@eventstore/db-client';
import { ReadStreamOptions, RecordedEvent } from '../event-store';
import { isStreamNotFound, toPortError } from './error-mapping';
import { idKey, StoredEvent } from './idempotency';
import { MAX_LOG_POSITION, toReadPosition } from './position';
import { toMaxCount } from './read-limit';
import { ClientResolvedEvent, positionOf, toRecordedEvent } from './recorded-event';
import { isSystemEvent } from './system-events';

/** Events per request when paging through $all or scanning a stream for ids. */
export const PAGE_SIZE = 500;
/** Event numbers are signed 64-bit on the server. */
const MAX_REVISION = MAX_LOG_POSITION;

const collect = async <T>(read: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
};

const storedOf = (resolved: ClientResolvedEvent): StoredEvent => {
  const event = resolved.event;
  if (!event) throw new Error('a resolved event without its event record');
  return { revision: event.revision, position: positionOf(resolved) };
};

export type EsdbReads = ReturnType<typeof createEsdbReads>;

/** Every read the adapter makes, over one client. */
export const createEsdbReads = (client: EventStoreDBClient) => {
  /** A stream read; a stream that does not exist (StreamNotFoundError) reads as []. */
  const readRaw = async (
    streamName: string,
    options: ClientReadStreamOptions,
  ): Promise<ClientResolvedEvent[]> => {
    try {
      return await collect(client.readStream(streamName, { ...options, resolveLinkTos: false }));
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw toPortError(error, streamName);
    }
  };

  /** Revision and position of the stream's last event, undefined when it has none. */
  const lastEvent = async (streamName: string): Promise<StoredEvent | undefined> => {
    const [last] = await readRaw(streamName, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    });
    return last ? storedOf(last) : undefined;
  };

  /** Position of the event at `revision`, for an append whose result carried none. */
  const positionAt = async (streamName: string, revision: bigint): Promise<bigint> => {
    const [event] = await readRaw(streamName, {
      direction: FORWARDS,
      fromRevision: revision,
      maxCount: 1,
    });
    if (!event) throw new Error(`stream ${streamName} has no event at revision ${revision}`);
    return storedOf(event).position;
  };

  /**
   * Where each of `ids` is stored among the stream's last `window` events: pages backwards from
   * the end (repeats are of recent appends) and stops once all are found, `window` events have
   * been read, or the stream's start is reached.
   */
  const findStored = async (
    streamName: string,
    ids: string[],
    window: number = Number.POSITIVE_INFINITY,
  ): Promise<Map<string, StoredEvent>> => {
    const wanted = new Set(ids.map(idKey));
    const found = new Map<string, StoredEvent>();
    let from: ReadRevision = END;
    let scanned = 0;
    for (;;) {
      const maxCount = Math.min(PAGE_SIZE, window - scanned);
      if (maxCount <= 0) return found;
      const page = await readRaw(streamName, {
        direction: BACKWARDS,
        fromRevision: from,
        maxCount,
      });
      scanned += page.length;
      let lowest: bigint | undefined;
      for (const resolved of page) {
        if (!resolved.event) continue;
        lowest = resolved.event.revision;
        const key = idKey(resolved.event.id);
        if (wanted.has(key)) found.set(key, storedOf(resolved));
      }
      if (found.size === wanted.size || page.length < maxCount) return found;
      if (lowest === undefined || lowest === 0n) return found;
      from = lowest - 1n;
    }
  };

  const readStream = async (
    streamName: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> => {
    const maxCount = toMaxCount(options.maxCount);
    if (maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    let fromRevision: ReadRevision = backwards ? END : START;
    const requested = options.fromRevision;
    if (requested !== undefined && backwards) {
      if (requested < 0n) return [];
      // The server reads a backwards range ending at `requested`; past the end, clamp it to the
      // last revision so that "backwards from beyond the end" starts at the end.
      const last = await lastEvent(streamName);
      if (!last) return [];
      fromRevision = requested < last.revision ? requested : END;
    } else if (requested !== undefined) {
      if (requested > MAX_REVISION) return [];
      if (requested > 0n) fromRevision = requested;
    }
    const resolved = await readRaw(streamName, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision,
      ...(maxCount === Infinity ? {} : { maxCount }),
    });
    return resolved.map(toRecordedEvent);
  };

  /**
   * Up to `maxCount` non-system events strictly after `after`, in log order. $all reads include
   * the event at their start position, so events at or before the cursor are skipped; system
   * events are skipped client-side (reads of $all have no server filter in this client), so a
   * page may need several requests.
   */
  const readAll = async (after: bigint, maxCount: number): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    let cursor = after;
    while (events.length < maxCount) {
      const request = Math.min(PAGE_SIZE, maxCount - events.length + 1);
      const page = await collect(
        client.readAll({
          direction: FORWARDS,
          fromPosition: toReadPosition(cursor),
          maxCount: request,
          resolveLinkTos: false,
        }),
      );
      let advanced = false;
      for (const resolved of page) {
        if (!resolved.event) continue;
        const position = positionOf(resolved);
        if (position <= cursor) continue;
        cursor = position;
        advanced = true;
        if (isSystemEvent(resolved.event)) continue;
        events.push(toRecordedEvent(resolved));
        if (events.length >= maxCount) break;
      }
      if (page.length < request || !advanced) break;
    }
    return events;
  };

  /** Position of the last non-system event of the log, -1n when there is none. */
  const headPosition = async (): Promise<bigint> => {
    let cursor: bigint | undefined;
    for (;;) {
      const page = await collect(
        client.readAll({
          direction: BACKWARDS,
          fromPosition: cursor === undefined ? END : toReadPosition(cursor),
          maxCount: PAGE_SIZE,
          resolveLinkTos: false,
        }),
      );
      let advanced = false;
      for (const resolved of page) {
        if (!resolved.event) continue;
        const position = positionOf(resolved);
        if (cursor !== undefined && position >= cursor) continue;
        if (!isSystemEvent(resolved.event)) return position;
        cursor = position;
        advanced = true;
      }
      if (page.length < PAGE_SIZE || !advanced) return -1n;
    }
  };

  return { readStream, readAll, headPosition, lastEvent, positionAt, findStored };
};
