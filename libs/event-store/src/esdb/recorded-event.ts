import { Position } from '@eventstore/db-client';
import { JsonObject, RecordedEvent } from '../event-store';
import { EsdbMappingError } from './esdb-mapping-error';
import { fromEsdbPosition, isKnownPosition, MAX_LOG_POSITION } from './position';

/**
 * The fields of the client's recorded event that this adapter reads. The client's RecordedEvent
 * (stream reads) and AllStreamRecordedEvent ($all reads, subscriptions) both have them; the
 * client has already parsed JSON data and metadata (`isJson`).
 */
export type ClientRecordedEvent = {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  created: Date;
  /** Given on $all reads; on stream reads only by servers 22.6 and later. */
  position?: Position;
};

/** The client's ResolvedEvent / AllStreamResolvedEvent, as far as this adapter reads it. */
export type ClientResolvedEvent = {
  event?: ClientRecordedEvent;
  commitPosition?: bigint;
};

const recordOf = (resolved: ClientResolvedEvent): ClientRecordedEvent => {
  if (!resolved.event) throw new EsdbMappingError('a resolved event without its event record');
  return resolved.event;
};

/**
 * The event's global position: its own `{ commit, prepare }` when the server sent one, else the
 * resolved event's commit position (what older servers send alongside $all events).
 */
export const positionOf = (resolved: ClientResolvedEvent): bigint => {
  const event = recordOf(resolved);
  if (isKnownPosition(event.position)) return fromEsdbPosition(event.position);
  const commit = resolved.commitPosition;
  if (commit !== undefined && commit >= 0n && commit <= MAX_LOG_POSITION) return commit;
  throw new EsdbMappingError(
    `event ${event.id} in ${event.streamId} came without a log position ` +
      '(stream reads report positions from EventStoreDB 22.6 on)',
  );
};

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Uint8Array);

/** The application stamps `recordedAt` in the metadata; otherwise the server's `created`. */
const recordedAtOf = (metadata: JsonObject, created: Date): Date => {
  const stamped = metadata['recordedAt'];
  if (typeof stamped === 'string') {
    const parsed = new Date(stamped);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return created;
};

/** Why data and metadata cannot be read as JSON objects, or undefined when they can. */
const unreadableReason = (event: ClientRecordedEvent, where: string): string | undefined => {
  if (!event.isJson) return `${where} is not stored as JSON`;
  if (!isJsonObject(event.data)) return `data of ${where} is not a JSON object`;
  if (event.metadata !== undefined && !isJsonObject(event.metadata))
    return `metadata of ${where} is not a JSON object`;
  return undefined;
};

/**
 * A client event as the port's RecordedEvent. Data and metadata must be JSON objects; an event
 * whose are not is still delivered, in its place in the log, with empty data and metadata and
 * `unreadable` saying why, so that one bad event is parked by its consumers (the serializer
 * refuses to decode it) instead of stopping every reader of $all. Without a record or a position
 * the event cannot be placed at all: that is an EsdbMappingError.
 */
export const toRecordedEvent = (resolved: ClientResolvedEvent): RecordedEvent => {
  const event = recordOf(resolved);
  const where = `event ${event.id} (${event.type}) in ${event.streamId}`;
  const position = positionOf(resolved);
  const unreadable = unreadableReason(event, where);
  if (unreadable !== undefined) {
    return {
      id: event.id,
      streamName: event.streamId,
      type: event.type,
      revision: event.revision,
      position,
      data: {},
      metadata: {},
      recordedAt: event.created,
      unreadable,
    };
  }
  const metadata = event.metadata === undefined ? {} : (event.metadata as JsonObject);
  return {
    id: event.id,
    streamName: event.streamId,
    type: event.type,
    revision: event.revision,
    position,
    data: event.data as JsonObject,
    metadata,
    recordedAt: recordedAtOf(metadata, event.created),
  };
};
