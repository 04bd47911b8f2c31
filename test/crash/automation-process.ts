import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { mintToken } from '../support/credentials';
import { TENANT } from '../support/test-app';

const CHILD = join(__dirname, 'automation-child.ts');

/** The API child on a data directory, and its base URL once it listens. */
export type RunningApi = { child: ChildProcess; baseUrl: string };

/** Starts the API on `dir` and resolves once it listens (rejects if it exits before). */
export const startApi = (dir: string): Promise<RunningApi> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD, dir], {
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ child, baseUrl: `http://127.0.0.1:${port}` });
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the API exited with ${code}: ${errors}`));
    });
  });

/** SIGKILL: no shutdown hook runs, whatever was in flight is cut where it stood. */
export const killApi = ({ child }: RunningApi): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

const AUTHORIZATION = `Bearer ${mintToken(
  { sub: 'user-1', tenant: TENANT, roles: ['admin'] },
  { lifetimeSeconds: 3600 },
)}`;

/** A JSON request to the API as an admin of the test tenant. */
export const call = async (
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; idempotencyKey?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: AUTHORIZATION,
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
      ...(options.idempotencyKey && { 'idempotency-key': options.idempotencyKey }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/**
 * Creates contact `index` under its own idempotency key, through whichever API is up, until it
 * has an answer: a request cut by a kill is sent again, and a repeat of one that had been written
 * answers the first result and writes nothing.
 */
export const createContactThrough = async (
  api: () => RunningApi | undefined,
  index: number,
): Promise<void> => {
  for (;;) {
    const running = api();
    if (running) {
      try {
        const { status, body } = await call(running.baseUrl, 'POST', '/contacts', {
          body: { firstName: `Crash${index}`, lastName: 'Test' },
          idempotencyKey: `crash-contact-${index}`,
        });
        if (status === 200 || status === 201) return;
        throw new Error(`creating contact ${index}: ${status} ${JSON.stringify(body)}`);
      } catch (error) {
        // fetch rejects with a TypeError ("fetch failed", "terminated") when the connection is
        // refused or cut: the API is down. By name: jest's realm has its own TypeError.
        if ((error as Error).name !== 'TypeError') throw error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
