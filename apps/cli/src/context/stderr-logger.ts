import { LoggerService, LogLevel } from '@nestjs/common';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Nest's log lines go to stderr, so stdout carries only a command's output (NDJSON, JSON). */
export class StderrLogger implements LoggerService {
  private readonly enabled: LogLevel[];

  constructor(
    private readonly out: NodeJS.WritableStream,
    level: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'warn',
  ) {
    this.enabled = LEVELS.slice(0, LEVELS.indexOf(level) + 1);
  }

  log(message: unknown, ...context: unknown[]): void {
    this.print('log', message, context);
  }
  error(message: unknown, ...context: unknown[]): void {
    this.print('error', message, context);
  }
  warn(message: unknown, ...context: unknown[]): void {
    this.print('warn', message, context);
  }
  debug(message: unknown, ...context: unknown[]): void {
    this.print('debug', message, context);
  }
  verbose(message: unknown, ...context: unknown[]): void {
    this.print('verbose', message, context);
  }

  private print(level: LogLevel, message: unknown, context: unknown[]): void {
    if (!this.enabled.includes(level)) return;
    const source = context[context.length - 1];
    const prefix = typeof source === 'string' ? `[${source}] ` : '';
    this.out.write(`${level.toUpperCase()} ${prefix}${String(message)}\n`);
  }
}
