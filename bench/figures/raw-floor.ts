import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BenchContext } from '../context';
import { log } from '../log';
import { FigureResult, Measurement } from '../model';
import { ratePerSecond, Samples } from '../stats';
import { ids, Synchronous } from '../targets';
import { removeDatabase } from '../stores';

/**
 * Figure 1, the floor: better-sqlite3 alone, no adapter, no serializer, on the same table the
 * adapter uses (same columns, same unique indexes) and the same serialized rows the workload
 * wrote. Inserting in large transactions, one row per commit (NORMAL and FULL, WAL), and scanning
 * everything back with JSON.parse of data and metadata. Everything else is compared with this.
 */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_name     TEXT    NOT NULL,
  stream_revision INTEGER NOT NULL,
  event_id        TEXT    NOT NULL UNIQUE,
  type            TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  recorded_at     TEXT    NOT NULL,
  UNIQUE (stream_name, stream_revision)
);`;

type Row = [string, number, string, string, string, string, string];

const SELECT_ROWS = `SELECT stream_name, stream_revision, event_id, type, data, metadata, recorded_at
  FROM events ORDER BY global_position`;
const INSERT = `INSERT INTO events
  (stream_name, stream_revision, event_id, type, data, metadata, recorded_at)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

const openTarget = (path: string, synchronous: Synchronous): Database.Database => {
  removeDatabase(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(SCHEMA);
  return db;
};

const sourceRows = (source: Database.Database): IterableIterator<Row> =>
  source.prepare(SELECT_ROWS).raw(true).iterate() as IterableIterator<Row>;

/** Every row, `batchSize` per transaction; only the transactions are timed. */
const bulkInsert = (source: Database.Database, path: string, batchSize: number) => {
  const db = openTarget(path, 'FULL');
  const insert = db.prepare(INSERT);
  const insertAll = db.transaction((rows: Row[]) => {
    for (const row of rows) insert.run(...row);
  });
  let milliseconds = 0;
  let events = 0;
  let commits = 0;
  let batch: Row[] = [];
  const flush = () => {
    const started = performance.now();
    insertAll(batch);
    milliseconds += performance.now() - started;
    events += batch.length;
    commits += 1;
    batch = [];
  };
  for (const row of sourceRows(source)) {
    batch.push(row);
    if (batch.length === batchSize) flush();
  }
  if (batch.length > 0) flush();
  db.close();
  return { events, commits, milliseconds };
};

/** One row per commit (autocommit), in log order, for `seconds`. */
const perCommit = (
  source: Database.Database,
  path: string,
  synchronous: Synchronous,
  seconds: number,
) => {
  const db = openTarget(path, synchronous);
  const insert = db.prepare(INSERT);
  const latencies = new Samples();
  const started = performance.now();
  const until = started + seconds * 1000;
  let commits = 0;
  for (const row of sourceRows(source)) {
    const before = performance.now();
    if (before >= until) break;
    insert.run(...row);
    latencies.push(performance.now() - before);
    commits += 1;
  }
  const milliseconds = performance.now() - started;
  db.close();
  removeDatabase(path);
  return { commits, milliseconds, latency: latencies.summary() };
};

/** Every row back, both JSON columns parsed. */
const scan = (path: string) => {
  const db = new Database(path, { readonly: true });
  const started = performance.now();
  let events = 0;
  let bytes = 0;
  for (const row of sourceRows(db)) {
    const data: unknown = JSON.parse(row[4]);
    const metadata: unknown = JSON.parse(row[5]);
    if (data !== null && metadata !== null) events += 1;
    bytes += row[4].length + row[5].length;
  }
  const milliseconds = performance.now() - started;
  db.close();
  return { events, milliseconds, bytes };
};

export const rawFloorTask = async (ctx: BenchContext): Promise<FigureResult> => {
  const started = performance.now();
  const dir = join(ctx.runDir, 'raw-floor');
  mkdirSync(dir, { recursive: true });
  const source = new Database(ctx.eventsPath, { readonly: true });
  const { rawBatchSize, rawCommitSeconds } = ctx.settings;
  try {
    log(`raw floor: bulk insert of the log, ${rawBatchSize} events per transaction`);
    const bulkPath = join(dir, 'bulk.sqlite');
    const bulk = bulkInsert(source, bulkPath, rawBatchSize);
    const commit: Record<Synchronous, ReturnType<typeof perCommit>> = {
      NORMAL: perCommit(source, join(dir, 'normal.sqlite'), 'NORMAL', rawCommitSeconds),
      FULL: perCommit(source, join(dir, 'full.sqlite'), 'FULL', rawCommitSeconds),
    };
    log('raw floor: scanning the log back');
    const scanned = scan(bulkPath);
    removeDatabase(bulkPath);
    const measurements: Measurement[] = [
      {
        id: 'raw.bulk',
        figure: 'raw-floor',
        label: `bulk insert, ${rawBatchSize} events/commit (FULL)`,
        value: ratePerSecond(bulk.events, bulk.milliseconds),
        unit: 'events/s',
        note: `${Math.round(ratePerSecond(bulk.commits, bulk.milliseconds))} commits/s`,
      },
      ...(['NORMAL', 'FULL'] as const).map((mode): Measurement => ({
        id: ids.rawCommitRate(mode),
        figure: 'raw-floor',
        label: `1 event/commit, synchronous=${mode}`,
        value: ratePerSecond(commit[mode].commits, commit[mode].milliseconds),
        unit: 'commits/s',
        p50: commit[mode].latency.p50,
        p99: commit[mode].latency.p99,
      })),
      {
        id: ids.rawScanRate,
        figure: 'raw-floor',
        label: 'scan + JSON.parse',
        value: ratePerSecond(scanned.events, scanned.milliseconds),
        unit: 'events/s',
      },
      {
        id: ids.rawScanSeconds,
        figure: 'raw-floor',
        label: `scan of all ${scanned.events} events`,
        value: scanned.milliseconds / 1000,
        unit: 's',
      },
    ];
    return {
      figure: 'raw-floor',
      measurements,
      info: {
        bulk: { ...bulk },
        commitNormal: { commits: commit.NORMAL.commits, ms: commit.NORMAL.milliseconds },
        commitFull: { commits: commit.FULL.commits, ms: commit.FULL.milliseconds },
        scan: { ...scanned },
      },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    source.close();
  }
};
