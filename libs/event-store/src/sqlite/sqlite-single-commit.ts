import Database from 'better-sqlite3';
import { writeAppend } from './sqlite-append';
import { AppendCommitter, CommitListener } from './sqlite-committer';
import { PreparedAppend } from './sqlite-prepared-append';
import { Statements } from './sqlite-statements';

/**
 * One IMMEDIATE transaction, so one sync to disk, per append, run when the append is called.
 * The path without group commit, kept for comparison.
 */
export const createSingleCommitter = (
  db: Database.Database,
  statements: Statements,
  onCommit: CommitListener,
): AppendCommitter => {
  const transaction = db.transaction((prepared: PreparedAppend) =>
    writeAppend(statements, prepared),
  );
  return {
    async append(prepared) {
      const result = transaction.immediate(prepared);
      onCommit({ appends: 1, wroteEvents: prepared.events.length > 0 });
      return result;
    },
    drain() {},
  };
};
