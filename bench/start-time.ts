import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { log } from './log';
import { StartTiming, timeToExit, timeToLive } from './start-time/measure';
import { summarize } from './stats';

/**
 * Start-up time on a current build: `npm start` until /health/live answers 200 (and, to show
 * npm's share, node on the built entry), and `npm run cli -- --help` until it exits. Each is run
 * RUNS times (argument 1, default 5) one after the other; the builds are brought up to date first
 * and not timed. Prints one line per measurement: median, min and max in milliseconds, and for
 * a server the CPU time its process tree used until it answered (less sensitive to a loaded
 * machine than the wall-clock time).
 */
const RUNS = Number(process.argv[2] ?? 5);
const ROOT = join(__dirname, '..');

const MEASUREMENTS: { name: string; run: () => Promise<StartTiming> }[] = [
  { name: 'npm start -> /health/live 200', run: () => timeToLive('npm', ['start', '--silent']) },
  {
    name: 'node dist/apps/api/src/main.js -> /health/live 200',
    run: () => timeToLive(process.execPath, ['dist/apps/api/src/main.js']),
  },
  {
    name: 'npm run cli -- --help -> exit 0',
    run: () => timeToExit('npm', ['run', 'cli', '--silent', '--', '--help']),
  },
];

const main = async (): Promise<void> => {
  for (const app of ['api', 'cli']) {
    const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs', app], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error(`building ${app} failed`);
  }
  const load = loadavg().map((value) => value.toFixed(1));
  log(`${availableParallelism()} cores (${cpus()[0]?.model.trim()}), Node ${process.version}`);
  log(`load average before: ${load.join(' ')}; ${RUNS} runs each`);
  for (const { name, run } of MEASUREMENTS) {
    const timings: StartTiming[] = [];
    for (let i = 0; i < RUNS; i++) timings.push(await run());
    const { p50, min, max } = summarize(timings.map((timing) => timing.ms));
    const cpu = timings.flatMap((timing) => (timing.cpuMs === undefined ? [] : [timing.cpuMs]));
    const cpuNote = cpu.length
      ? `; CPU (user+sys) median ${Math.round(summarize(cpu).p50)} ms`
      : '';
    log(
      `${name}: median ${Math.round(p50)} ms (min ${Math.round(min)}, max ${Math.round(max)})${cpuNote}`,
    );
  }
  log(
    `load average after: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}`,
  );
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
