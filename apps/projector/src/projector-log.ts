import { WorkerLog, WorkerLogLevel } from '@crm/projections';
import { Logger } from 'pino';

const PINO: Record<WorkerLogLevel, 'error' | 'warn' | 'info' | 'debug'> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
};

/** The worker's log calls as lines of the process's logger, under the `Projector` context. */
export const projectorLogOver = (logger: Logger): WorkerLog => {
  const log = logger.child({ context: 'Projector' });
  return (level, message, fields = {}) => log[PINO[level]](fields, message);
};
