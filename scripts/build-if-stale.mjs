/* global process, console */
// Builds one deployable (api, cli or projector) only when its output is missing or a source
// file changed since the last build, so `npm start`, `npm run cli` and `npm run projector` start
// at once on a current build. Tests (*.spec.ts) do not count as sources.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ENTRIES = {
  api: 'dist/apps/api/src/main.js',
  cli: 'dist/apps/cli/main.js',
  projector: 'dist/apps/projector/main.js',
};
const SOURCES = ['apps', 'libs', 'tsconfig.json', 'nest-cli.json', 'package-lock.json'];

const app = process.argv[2];
if (!(app in ENTRIES)) {
  console.error(`usage: build-if-stale.mjs ${Object.keys(ENTRIES).join('|')}`);
  process.exit(2);
}

const mtimeOf = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
};

/** The newest modification time under `path` (a file or a folder), tests left out. */
const newestUnder = (path) => {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return path.endsWith('.spec.ts') ? 0 : stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules') continue;
    newest = Math.max(newest, newestUnder(join(path, name)));
  }
  return newest;
};

const stamp = join('dist', '.build', `${app}.stamp`);
const built = mtimeOf(stamp);
const entryPresent = mtimeOf(ENTRIES[app]) !== undefined;
const changed = Math.max(...SOURCES.map(newestUnder));
if (built !== undefined && entryPresent && built >= changed) process.exit(0);

console.error(`building ${app} (${built === undefined ? 'no build yet' : 'sources changed'})`);
const startedAt = Date.now();
const result = spawnSync(join('node_modules', '.bin', 'nest'), ['build', app], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync(join('dist', '.build'), { recursive: true });
// The stamp carries the time the build started: a source saved during the build stays newer.
writeFileSync(stamp, '');
const seconds = startedAt / 1000;
utimesSync(stamp, seconds, seconds);
