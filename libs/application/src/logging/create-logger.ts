import pino, { Logger } from 'pino';
import { LogFormat, LogLevel } from '../config';
import { textLines } from './text-lines';

export type Service = 'api' | 'projector' | 'cli';

export type LoggerSettings = {
  /** Which process wrote the line: the one field that differs between the three. */
  service: Service;
  /** Unset: JSON lines unless `destination` is a terminal. */
  format?: LogFormat;
  level?: LogLevel;
  destination?: NodeJS.WritableStream;
};

/** Our level names (Nest's) as pino's. */
export const PINO_LEVELS: Record<LogLevel, pino.Level> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

const isTerminal = (stream: NodeJS.WritableStream): boolean =>
  (stream as { isTTY?: boolean }).isTTY === true;

/** Top-level bigint fields (positions) as decimal strings, so no digit is lost. */
const bigintsAsText = (fields: Record<string, unknown>): Record<string, unknown> => {
  let converted: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value !== 'bigint') continue;
    converted ??= { ...fields };
    converted[key] = value.toString();
  }
  return converted ?? fields;
};

/**
 * The one logger of a process (API, projector or CLI): every line carries `time` (ISO),
 * `level` (pino's name), `service`, `pid`, `context` when given, `msg` and its fields. JSON
 * lines by default when the destination is not a terminal; text, coloured only on a terminal.
 */
export const createLogger = (settings: LoggerSettings): Logger => {
  const destination = settings.destination ?? process.stdout;
  const terminal = isTerminal(destination);
  const format = settings.format ?? (terminal ? 'text' : 'json');
  return pino(
    {
      level: PINO_LEVELS[settings.level ?? 'log'],
      base: { service: settings.service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: bigintsAsText },
    },
    format === 'json' ? destination : textLines(destination, { colour: terminal }),
  );
};
