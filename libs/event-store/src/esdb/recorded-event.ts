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

const jsonObjectOf = (value: unknown, what: string): JsonObject => {
  if (!isJsonObject(value)) throw new EsdbMappingError(`${what} is not a JSON object`);
  return value;
};

/** The application stamps `recordedAt` in the metadata; otherwise the server's `created`. */
const recordedAtOf = (metadata: JsonObject, created: Date): Date => {
  const stamped = metadata['recordedAt'];
  if (typeof stamped === 'string') {
    const parsed = new Date(stamped);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return created;
};

/** A client event as the port's RecordedEvent; data and metadata must be JSON objects. */
export const toRecordedEvent = (resolved: ClientResolvedEvent): RecordedEvent => {
  const event = recordOf(resolved);
  const where = `event ${event.id} (${event.type}) in ${event.streamId}`;
  if (!event.isJson) throw new EsdbMappingError(`${where} is not stored as JSON`);
  const metadata =
    event.metadata === undefined ? {} : jsonObjectOf(event.metadata, `metadata of ${where}`);
  return {
    id: event.id,
    streamName: event.streamId,
    type: event.type,
    revision: event.revision,
    position: positionOf(resolved),
    data: jsonObjectOf(event.data, `data of ${where}`),
    metadata,
    recordedAt: recordedAtOf(metadata, event.created),
  };
};
