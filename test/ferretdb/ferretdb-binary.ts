import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * FerretDB for the test run, built from source with `go install` into a git-ignored folder of the
 * project and reused while it is there. The version is pinned: 1.24.x is the last line with the
 * SQLite backend (2.x needs PostgreSQL with DocumentDB).
 */
export const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';
const ROOT = join(__dirname, '..', '..');
const TOOLS = join(ROOT, '.tools', 'ferretdb', FERRETDB_VERSION);

export const ferretDbBinaryPath = (): string => join(TOOLS, 'bin', 'ferretdb');

const run = promisify(execFile);

/** `go` on the PATH, else the standard install location; undefined when there is none. */
export const findGo = (): string | undefined => {
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'go')),
    '/usr/local/go/bin/go',
  ];
  return candidates.find((candidate) => candidate !== 'go' && existsSync(candidate));
};

/**
 * The FerretDB binary, built first if missing. Undefined only when no Go toolchain exists; a
 * build that fails throws (a machine with Go must run the suites, not skip them).
 */
export const ensureFerretDb = async (
  log: (line: string) => void,
): Promise<{ binary: string; builtInMs?: number } | undefined> => {
  const binary = ferretDbBinaryPath();
  if (existsSync(binary)) return { binary };
  const go = findGo();
  if (!go) return undefined;
  const started = Date.now();
  log(`building FerretDB ${FERRETDB_VERSION} with go install (once; kept in .tools/ferretdb)`);
  const env = { ...process.env, GOFLAGS: '-buildvcs=false', CGO_ENABLED: '0' };
  const options = { env, maxBuffer: 16 * 1024 * 1024, timeout: 20 * 60_000 };
  // The module as published leaves build/version/version.txt empty (its release build generates
  // it) and the binary refuses to start without it; so the verified module source is copied and
  // the file written before `go install` builds cmd/ferretdb from it.
  const { stdout } = await run(go, ['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`], {
    ...options,
    cwd: ROOT,
  });
  const { Dir: moduleDir } = JSON.parse(stdout) as { Dir: string };
  const source = join(TOOLS, 'src');
  rmSync(source, { recursive: true, force: true });
  cpSync(moduleDir, source, { recursive: true });
  makeWritable(source);
  writeFileSync(join(source, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  // Built into a scratch folder and moved into place whole, so an interrupted build leaves no
  // binary that looks complete.
  const scratch = join(TOOLS, `bin.partial-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    await run(go, ['install', './cmd/ferretdb'], {
      ...options,
      cwd: source,
      env: { ...env, GOBIN: scratch },
    });
    mkdirSync(join(TOOLS, 'bin'), { recursive: true });
    renameSync(join(scratch, 'ferretdb'), binary);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { binary, builtInMs: Date.now() - started };
};

/** The module cache is read-only; the copy must not be. */
const makeWritable = (dir: string): void => {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(path);
    else chmodSync(path, 0o644);
  }
};
