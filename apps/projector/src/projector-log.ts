import { WorkerLog, WorkerLogLevel } from '@crm/projections';

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelSetting = (typeof LEVELS)[number];

const jsonSafe = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;

const textFields = (fields: Record<string, unknown>): string =>
  Object.entries(fields)
    .map(([key, value]) => ` ${key}=${JSON.stringify(value, jsonSafe)}`)
    .join('');

/**
 * One line per entry: a JSON object (`time`, `level`, `context`, `message` and the fields) with
 * CRM_LOG_FORMAT=json, else `time LEVEL [Projector] message key=value...` with JSON values.
 */
export const createProjectorLog = (
  out: NodeJS.WritableStream,
  options: { format: 'json' | 'text'; level?: LogLevelSetting },
): WorkerLog => {
  const threshold = LEVELS.indexOf(options.level ?? 'log');
  return (level: WorkerLogLevel, message: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS.indexOf(level) > threshold) return;
    const time = new Date().toISOString();
    out.write(
      options.format === 'json'
        ? `${JSON.stringify({ time, level, context: 'Projector', message, ...fields }, jsonSafe)}\n`
        : `${time} ${level.toUpperCase()} [Projector] ${message}${textFields(fields)}\n`,
    );
  };
};
