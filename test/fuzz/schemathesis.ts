import { SignJWT } from 'jose';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  CaseCounts,
  caseCountsIn,
  isPytestStyleClosing,
  plainClosingLine,
} from './schemathesis-output';

/**
 * Schemathesis over every operation of the live API's /openapi.json, as part of `npm test`.
 * Installs the pinned Schemathesis into a git-ignored virtualenv (once), builds the API the way
 * `npm start` does (the Swagger plugin only runs in `nest build`, and it writes most of the
 * document's body schemas), starts it on a free 127.0.0.1 port with a temporary data directory, fuzzes it with a fixed seed, stops it, and
 * exits with Schemathesis's status: any failure fails the test run.
 *
 * FUZZ_EXAMPLES (examples per operation, default 10) and FUZZ_SEED (default 14) tune a run.
 */

const ROOT = resolve(__dirname, '../..');
const REQUIREMENTS = join(__dirname, 'requirements.txt');
const VENV = join(ROOT, '.cache/schemathesis/venv');
const STAMP = join(VENV, 'requirements.installed');
const BIN = join(VENV, 'bin');
const EXAMPLES = process.env.FUZZ_EXAMPLES ?? '10';
const SEED = process.env.FUZZ_SEED ?? '14';
const FUZZ_ISSUER = 'https://fuzz.invalid';
const FUZZ_AUDIENCE = 'crm-fuzz';

const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  // A success with the credential is replayed without it and with a wrong one: both must be refused.
  'ignored_auth',
];

const run = (command: string, args: string[]): void => {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
};

/** The virtualenv with the pinned Schemathesis, made again when the requirements change. */
const ensureSchemathesis = (): string => {
  const wanted = readFileSync(REQUIREMENTS, 'utf8');
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted) return join(BIN, 'schemathesis');
  mkdirSync(VENV, { recursive: true });
  const venv = spawnSync('python3', ['-m', 'venv', '--clear', VENV], { stdio: 'inherit' });
  if (venv.status !== 0) {
    throw new Error(
      'python3 -m venv failed: install Python 3 with its venv module (Debian: apt-get install python3-venv)',
    );
  }
  run(join(BIN, 'python'), [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '-r',
    REQUIREMENTS,
  ]);
  writeFileSync(STAMP, wanted);
  return join(BIN, 'schemathesis');
};

const fuzz = (
  schemathesis: string,
  baseUrl: string,
  reportDir: string,
  token: string,
): Promise<{ code: number; counts?: CaseCounts }> =>
  new Promise((done, fail) => {
    let counts: CaseCounts | undefined;
    const child = spawn(
      schemathesis,
      [
        'run',
        `${baseUrl}/openapi.json`,
        '--url',
        baseUrl,
        '--checks',
        CHECKS.join(','),
        '--max-examples',
        EXAMPLES,
        '--seed',
        SEED,
        '--phases',
        'examples,coverage,fuzzing',
        // One worker: with two, generating POST /automation/rules's recursive body in a worker
        // thread failed twice in a row on 2026-12-04 with CPython's "SystemError: AST constructor
        // recursion depth mismatch" (inside Hypothesis), a Runtime Error that fails the run; one
        // worker passed, at 120 s against 111 s.
        '--workers',
        '1',
        '--no-shrink',
        '--request-timeout',
        '30',
        '--header',
        `Authorization: Bearer ${token}`,
        '--report',
        'junit',
        '--report-dir',
        reportDir,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], cwd: join(ROOT, '.cache/schemathesis') },
    );
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      counts = caseCountsIn(line) ?? counts;
      if (!isPytestStyleClosing(line)) console.log(line);
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, counts }));
  });

type Built = {
  createApp: typeof import('../../apps/api/src/create-app').createApp;
  loadConfig: typeof import('@crm/application').loadConfig;
};

/** The API as `nest build api` compiled it, Swagger plugin metadata included. */
const buildApi = (): Built => {
  run('npx', ['nest', 'build', 'api']);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled build, by path
  const { createApp } = require(join(ROOT, 'dist/apps/api/src/create-app')) as Built;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same build's config
  const { loadConfig } = require(join(ROOT, 'dist/libs/application/src')) as Built;
  return { createApp, loadConfig };
};

const main = async (): Promise<number> => {
  mkdirSync(join(ROOT, '.cache/schemathesis'), { recursive: true });
  const schemathesis = ensureSchemathesis();
  const { createApp, loadConfig } = buildApi();
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-fuzz-'));
  const secret = randomBytes(32).toString('base64url');
  const token = await new SignJWT({ tenant: 'fuzz', roles: ['admin'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('fuzzer')
    .setIssuer(FUZZ_ISSUER)
    .setAudience(FUZZ_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));
  const app = await createApp({
    config: loadConfig({
      CRM_DATA_DIR: dataDir,
      CRM_RUN_PROCESSES: 'false',
      // The fuzzer is an admin of its own tenant, through a JWT from a secret of this run's own.
      CRM_AUTH_JWT_SECRET: secret,
      CRM_AUTH_ISSUER: FUZZ_ISSUER,
      CRM_AUTH_AUDIENCE: FUZZ_AUDIENCE,
      // Thousands of requests from one principal in a few minutes: the limits are not under test.
      CRM_RATE_LIMIT_PER_MINUTE: '1000000',
      CRM_RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
    }),
    logger: false,
  });
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const started = Date.now();
    const { code, counts } = await fuzz(
      schemathesis,
      `http://127.0.0.1:${port}`,
      join(ROOT, '.cache/schemathesis/report'),
      token,
    );
    console.log(`Schemathesis: exit ${code} after ${Math.round((Date.now() - started) / 1000)} s`);
    if (counts) console.log(plainClosingLine(counts));
    return code;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
