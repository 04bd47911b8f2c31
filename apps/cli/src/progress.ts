import { Presets, SingleBar } from 'cli-progress';
import { performance } from 'node:perf_hooks';
import { CliIo } from './cli-io';

export type Progress = {
  /** `value` of the bar's total; `done` counts the work items behind the rate. */
  update(value: number, done: number): void;
  stop(): void;
  elapsedSeconds(): number;
};

/**
 * A progress bar on stderr with a rate (`unit`/s). On a terminal it redraws in place; piped to a
 * file or a CI log it prints a line every few seconds instead.
 */
export const startProgress = (
  io: CliIo,
  options: { label: string; total: number; valueUnit: string; rateUnit: string },
): Progress => {
  const started = performance.now();
  const elapsedSeconds = (): number => (performance.now() - started) / 1000;
  const interactive = (io.stderr as { isTTY?: boolean }).isTTY === true;
  const bar = new SingleBar(
    {
      stream: io.stderr,
      format: `${options.label} [{bar}] {percentage}% | {value}/{total} ${options.valueUnit} | {rate} ${options.rateUnit}/s | {duration}s`,
      hideCursor: interactive,
      noTTYOutput: !interactive,
      notTTYSchedule: 3000,
      barsize: 30,
    },
    Presets.shades_classic,
  );
  bar.start(Math.max(options.total, 0), 0, { rate: 0 });
  return {
    update(value, done) {
      const seconds = elapsedSeconds();
      bar.update(value, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
    },
    stop: () => bar.stop(),
    elapsedSeconds,
  };
};
