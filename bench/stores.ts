import { AppConfig, CommandSideModule, ReadSideModule } from '@crm/application';
import { eventUpcasters } from '@crm/application/event-upcasters';
import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventSerializer,
  EventStore,
  SqliteEventStoreOptions,
} from '@crm/event-store';
import { Projection } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Synchronous } from './targets';

export type CommitStats = { commits: number; appends: number };

/**
 * The SQLite store's own counters (`stats()`: commits and the appends they answered), when the
 * adapter has them; they came with group commit, so their presence also says group commit exists.
 * Read by reflection: the bench must run on either version of the adapter.
 */
export const commitStatsOf = (store: EventStore): (() => CommitStats) | undefined => {
  const stats: unknown = Reflect.get(store, 'stats');
  if (typeof stats !== 'function') return undefined;
  return () => {
    const value: unknown = Reflect.apply(stats, store, []);
    const commits: unknown = typeof value === 'object' && value ? Reflect.get(value, 'commits') : 0;
    const appends: unknown = typeof value === 'object' && value ? Reflect.get(value, 'appends') : 0;
    return {
      commits: typeof commits === 'number' ? commits : NaN,
      appends: typeof appends === 'number' ? appends : NaN,
    };
  };
};

/**
 * The embedded event store as the product opens it. `groupCommit` is only passed when asked for
 * (the adapter's default otherwise), so this compiles and runs with or without that option.
 */
export const openEventStore = (
  path: string,
  synchronous: Synchronous,
  groupCommit?: boolean,
): EventStore => {
  const options: SqliteEventStoreOptions = { path, synchronous };
  if (groupCommit !== undefined) Object.assign(options, { groupCommit });
  return createSqliteEventStore(options);
};

export const createSerializer = (): EventSerializer =>
  createEventSerializer(createEventSchemaRegistry(eventUpcasters));

@Module({})
class BenchApplicationModule {}

/** The application without HTTP (CommandBus, command path, read side) on the given stores. */
export const openApplication = (options: {
  config: AppConfig;
  eventStore?: EventStore;
  documentStore?: DocumentStore;
  clock?: () => Date;
  /** The projections its read side keeps (every one when absent). */
  projections?: readonly Projection[];
}): Promise<INestApplicationContext> =>
  NestFactory.createApplicationContext(
    {
      module: BenchApplicationModule,
      imports: [CommandSideModule.forRoot(options), ReadSideModule.forRoot(options)],
    },
    { logger: false, abortOnError: false },
  );

/**
 * Copies a SQLite database that no connection has open, WAL included, so the copy is complete
 * on its own. The target's stale -wal/-shm files are removed first.
 */
export const copyDatabase = (from: string, to: string): void => {
  mkdirSync(dirname(to), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${to}${suffix}`, { force: true });
  checkpointDatabase(from);
  copyFileSync(from, to);
};

/** Folds the WAL into the main file and truncates it (no-op for a database without WAL). */
export const checkpointDatabase = (path: string): void => {
  if (!existsSync(path)) throw new Error(`no database at ${path}`);
  const db = new Database(path);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
};

export const removeDatabase = (path: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
};

export const sqliteVersion = (): string => {
  const db = new Database(':memory:');
  try {
    const row: unknown = db.prepare('SELECT sqlite_version() AS version').get();
    const version: unknown = typeof row === 'object' && row ? Reflect.get(row, 'version') : '';
    return typeof version === 'string' ? version : 'unknown';
  } finally {
    db.close();
  }
};
