import { Writable } from 'node:stream';

const COLOURS: Record<string, string> = {
  fatal: '\x1b[35m',
  error: '\x1b[31m',
  warn: '\x1b[33m',
  info: '\x1b[32m',
  debug: '\x1b[36m',
  trace: '\x1b[90m',
};
const RESET = '\x1b[0m';
/** Shown in the line's head, not repeated as key=value. */
const HEAD = new Set(['time', 'level', 'service', 'pid', 'context', 'msg']);

/**
 * A destination for pino that turns each JSON line into
 * `time LEVEL [context] message key=value...` (values as JSON) and writes it to `out`; colour
 * codes only when asked (on a terminal), never in a file or a pipe.
 */
export const textLines = (out: NodeJS.WritableStream, options: { colour: boolean }): Writable =>
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim()) out.write(`${asText(line, options.colour)}\n`);
      }
      done();
    },
  });

const asText = (line: string, colour: boolean): string => {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = String(entry.level ?? '').toUpperCase();
  const shownLevel = colour ? `${COLOURS[String(entry.level)] ?? ''}${level}${RESET}` : level;
  const context = entry.context ? ` [${String(entry.context)}]` : '';
  const fields = Object.entries(entry)
    .filter(([key]) => !HEAD.has(key))
    .map(([key, value]) => ` ${key}=${JSON.stringify(value)}`)
    .join('');
  return `${String(entry.time)} ${shownLevel}${context} ${String(entry.msg ?? '')}${fields}`;
};
