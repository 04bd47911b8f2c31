import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export type LineWriter = {
  write(value: unknown): Promise<void>;
  close(): Promise<void>;
  readonly target: string;
};

/** Writes one JSON value per line, waiting whenever the stream's buffer is full. */
const writerFor = (stream: NodeJS.WritableStream, target: string, end: boolean): LineWriter => ({
  target,
  async write(value) {
    if (!stream.write(`${JSON.stringify(value)}\n`)) await once(stream, 'drain');
  },
  async close() {
    if (!end) return;
    stream.end();
    await once(stream, 'finish');
  },
});

/** A file (created or truncated; opened before anything is read) or the given stdout. */
export const openLineWriter = async (
  out: string | undefined,
  stdout: NodeJS.WritableStream,
): Promise<LineWriter> => {
  if (out === undefined) return writerFor(stdout, 'stdout', false);
  const file = createWriteStream(out);
  await once(file, 'open');
  return writerFor(file, out, true);
};
