import { Settings } from './options';
import { Synchronous } from './targets';
import { WorkloadMeta } from './workload';

/** What every figure gets (JSON, so it crosses into the child process that runs the figure). */
export type BenchContext = {
  root: string;
  /** Scratch directory of this run; removed at the end. */
  runDir: string;
  /** The workload's log; figures that write work on their own copy. */
  eventsPath: string;
  /** The read models of the whole log, built by the catch-up figure. */
  readModelsPath: string;
  workload: WorkloadMeta;
  settings: Settings;
  /** CRM_SQLITE_SYNCHRONOUS when the variable is not set. */
  defaultSynchronous: Synchronous;
  /** Where child processes write CPU profiles, when profiling was asked for. */
  profileDir: string | null;
};
