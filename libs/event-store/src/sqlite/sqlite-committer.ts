import { AppendResult } from '../event-store';
import { PreparedAppend } from './sqlite-prepared-append';

/** What one committed transaction settled. */
export type CommittedGroup = {
  /** Appends the transaction answered, successful or not. */
  appends: number;
  /** Whether a successful append carried events (subscribers are then woken, once). */
  wroteEvents: boolean;
};

export type CommitListener = (group: CommittedGroup) => void;

/** Runs prepared appends in transactions; a promise settles only once its transaction is over. */
export type AppendCommitter = {
  append(prepared: PreparedAppend): Promise<AppendResult>;
  /** Runs whatever is waiting now, before the connection closes. */
  drain(): void;
};
