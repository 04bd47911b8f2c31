import Database from 'better-sqlite3';
import { JsonObject, RecordedEvent } from '../event-store';
import { EVENTS_TABLE } from './sqlite-schema';

/** A row as read with safe integers on: every INTEGER column arrives as a bigint. */
export type EventRow = {
  global_position: bigint;
  stream_name: string;
  stream_revision: bigint;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
};

export type StreamTip = { stream_revision: bigint; global_position: bigint };
export type StoredId = { stream_name: string; stream_revision: bigint; global_position: bigint };
export type EventInsert = [string, bigint, string, string, string, string, string];

/** SQLite's LIMIT treats a negative value as "no limit". */
export const NO_LIMIT = -1;
/** The largest revision SQLite can hold: "from the end" for backwards reads. */
export const MAX_REVISION = 9223372036854775807n;

const COLUMNS =
  'global_position, stream_name, stream_revision, event_id, type, data, metadata, recorded_at';

export const prepareStatements = (db: Database.Database) => ({
  streamTip: db.prepare<[string], StreamTip>(
    `SELECT stream_revision, global_position FROM ${EVENTS_TABLE}
     WHERE stream_name = ? ORDER BY stream_revision DESC LIMIT 1`,
  ),
  findId: db.prepare<[string], StoredId>(
    `SELECT stream_name, stream_revision, global_position FROM ${EVENTS_TABLE} WHERE event_id = ?`,
  ),
  insert: db.prepare<EventInsert>(
    `INSERT INTO ${EVENTS_TABLE}
       (stream_name, stream_revision, event_id, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ),
  readStreamForwards: db.prepare<[string, bigint, number], EventRow>(
    `SELECT ${COLUMNS} FROM ${EVENTS_TABLE}
     WHERE stream_name = ? AND stream_revision >= ? ORDER BY stream_revision ASC LIMIT ?`,
  ),
  readStreamBackwards: db.prepare<[string, bigint, number], EventRow>(
    `SELECT ${COLUMNS} FROM ${EVENTS_TABLE}
     WHERE stream_name = ? AND stream_revision <= ? ORDER BY stream_revision DESC LIMIT ?`,
  ),
  readAll: db.prepare<[bigint, number], EventRow>(
    `SELECT ${COLUMNS} FROM ${EVENTS_TABLE}
     WHERE global_position > ? ORDER BY global_position ASC LIMIT ?`,
  ),
  headPosition: db.prepare<[], { head: bigint | null }>(
    `SELECT MAX(global_position) AS head FROM ${EVENTS_TABLE}`,
  ),
});

export type Statements = ReturnType<typeof prepareStatements>;

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  streamName: row.stream_name,
  type: row.type,
  revision: row.stream_revision,
  position: row.global_position,
  data: JSON.parse(row.data) as JsonObject,
  metadata: JSON.parse(row.metadata) as JsonObject,
  recordedAt: new Date(row.recorded_at),
});

/** maxCount as a LIMIT: absent or +Infinity means unlimited; fractions and negatives are clamped. */
export const toLimit = (maxCount: number | undefined): number => {
  if (maxCount === undefined || maxCount === Infinity) return NO_LIMIT;
  return Number.isFinite(maxCount) ? Math.max(0, Math.floor(maxCount)) : 0;
};
