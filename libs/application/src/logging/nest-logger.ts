import { LoggerService } from '@nestjs/common';
import { Logger } from 'pino';

/**
 * Nest's own start-up chatter (route mapping, module wiring) is for debugging. Its start-up
 * errors too: the process reports them itself, once, as one line naming the remedy.
 */
const DEBUG_ONLY_CONTEXTS = new Set([
  'RoutesResolver',
  'RouterExplorer',
  'InstanceLoader',
  'NestFactory',
  'NestApplication',
  'ExceptionHandler',
]);

type Level = 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'fatal';

/** Nest's LoggerService over the process's pino logger: same fields as every other line. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the context last, and for errors a stack before it. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' ? rest[0] : undefined;
    const effective: Level = context && DEBUG_ONLY_CONTEXTS.has(context) ? 'debug' : level;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      this.logger[effective]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...more } = message as Record<string, unknown>;
      this.logger[effective]({ ...fields, ...more }, typeof msg === 'string' ? msg : '');
    } else {
      this.logger[effective](fields, String(message));
    }
  }
}
