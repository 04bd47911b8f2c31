import Database from 'better-sqlite3';
import { AppendResult } from '../event-store';
import { writeAppend } from './sqlite-append';
import { PreparedAppend } from './sqlite-prepared-append';
import { Statements } from './sqlite-statements';

/** How one append of a committed group ended: its own result or its own error. */
export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** Either the group committed (one outcome per append, in order) or nothing of it was kept. */
export type GroupOutcome =
  { committed: true; outcomes: AppendOutcome[] } | { committed: false; error: unknown };

export type RunGroup = (group: PreparedAppend[]) => GroupOutcome;

export type GroupTransactionOptions = {
  /** Test seam: runs just before COMMIT; a throw fails the group as a failed COMMIT would. */
  beforeCommit?: () => void;
};

const SAVEPOINT = 'grouped_append';

/**
 * Runs a group of appends in ONE IMMEDIATE transaction (one sync to disk at COMMIT), each in its
 * own savepoint, in arrival order: an append sees the writes of those before it, and its error
 * rolls back only its own writes. If SQLite drops the whole transaction on an append's error
 * (I/O, disk full), or BEGIN or COMMIT fails, the group fails as a whole and nothing is kept.
 */
export const createGroupTransaction = (
  db: Database.Database,
  statements: Statements,
  options: GroupTransactionOptions = {},
): RunGroup => {
  const control = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare(`SAVEPOINT ${SAVEPOINT}`),
    release: db.prepare(`RELEASE ${SAVEPOINT}`),
    rollbackTo: db.prepare(`ROLLBACK TO ${SAVEPOINT}`),
  };

  const runOne = (prepared: PreparedAppend): AppendOutcome => {
    control.savepoint.run();
    try {
      const result = writeAppend(statements, prepared);
      control.release.run();
      return { ok: true, result };
    } catch (error) {
      if (!db.inTransaction) throw error;
      control.rollbackTo.run();
      control.release.run();
      return { ok: false, error };
    }
  };

  const rollbackIfOpen = (): void => {
    try {
      if (db.inTransaction) control.rollback.run();
    } catch {
      // The group already fails with the error that interrupted it; that one is reported.
    }
  };

  return (group) => {
    try {
      control.begin.run();
    } catch (error) {
      return { committed: false, error };
    }
    try {
      const outcomes = group.map(runOne);
      options.beforeCommit?.();
      control.commit.run();
      return { committed: true, outcomes };
    } catch (error) {
      rollbackIfOpen();
      return { committed: false, error };
    }
  };
};
