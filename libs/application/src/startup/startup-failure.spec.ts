import { createEmbeddedDocumentStore } from '@crm/read-store';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ConfigError, loadConfig } from '../config';
import { createConfiguredEventStore, openConfiguredEventStore } from '../nest/event-store.provider';
import { openConfiguredDocumentStore } from '../read-side/document-store.provider';
import { listenOrExplain } from './listen-failure';
import { reportStartupFailure, startupFailureLine } from './startup-failure';

/** The error `action` fails with (fails the test if it does not). */
const failureOf = async (action: () => unknown): Promise<unknown> => {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

const listening = (server: Server, port = 0): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

/** A port nothing listens on: taken from the system, then released. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  const port = await listening(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
};

describe('start-up failures: one line naming the variable and the remedy', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-startup-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an unusable CRM_DATA_DIR', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const dataDir = join(file, 'data');
    const error = await failureOf(() =>
      createConfiguredEventStore(loadConfig({ CRM_DATA_DIR: dataDir })),
    );
    expect(startupFailureLine(error)).toBe(
      `CRM_DATA_DIR=${JSON.stringify(dataDir)}: not a writable directory (ENOTDIR); ` +
        'make it writable for this user or set CRM_DATA_DIR to a directory that is',
    );
    const documents = await failureOf(() =>
      openConfiguredDocumentStore(loadConfig({ CRM_DATA_DIR: dataDir })),
    );
    expect(startupFailureLine(documents)).toBe(startupFailureLine(error));
  });

  it('a port in use', async () => {
    const holder = createServer();
    const port = await listening(holder);
    try {
      const error = await failureOf(() =>
        listenOrExplain('PORT', port, () => listening(createServer(), port)),
      );
      expect(startupFailureLine(error)).toBe(
        `PORT=${port}: the port is in use by another process; stop that process or set PORT to a free port`,
      );
    } finally {
      holder.close();
    }
  });

  it('EventStoreDB unreachable', async () => {
    const port = await closedPort();
    const connection = `esdb://admin:s3cret@127.0.0.1:${port}?tls=false`;
    const error = await failureOf(() =>
      openConfiguredEventStore(
        loadConfig({ CRM_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: connection }),
      ),
    );
    const line = startupFailureLine(error);
    expect(line).toMatch(
      new RegExp(
        `^EVENTSTORE_CONNECTION_STRING="esdb://admin:\\*\\*\\*@127\\.0\\.0\\.1:${port}\\?tls=false": ` +
          'EventStoreDB is not reachable \\(.*ECONNREFUSED.*\\); ' +
          'start it or correct EVENTSTORE_CONNECTION_STRING$',
      ),
    );
    expect(line).not.toContain('s3cret');
  });

  it('MongoDB unreachable', async () => {
    const port = await closedPort();
    const uri = `mongodb://127.0.0.1:${port}/?serverSelectionTimeoutMS=300`;
    const error = await failureOf(() =>
      openConfiguredDocumentStore(loadConfig({ CRM_READ_STORE: 'mongodb', MONGODB_URI: uri })),
    );
    expect(startupFailureLine(error)).toMatch(
      new RegExp(
        `^MONGODB_URI="${uri.replace(/[?.]/g, '\\$&')}": MongoDB is not reachable \\(.*ECONNREFUSED.*\\); ` +
          'start it or correct MONGODB_URI$',
      ),
    );
  });

  it('a second process on the same embedded data directory', async () => {
    const holder = createEmbeddedDocumentStore({ path: join(dir, 'readmodels.sqlite') });
    try {
      const error = await failureOf(() =>
        openConfiguredDocumentStore(loadConfig({ CRM_DATA_DIR: dir })),
      );
      expect(startupFailureLine(error)).toBe(
        `CRM_DATA_DIR: read store ${join(dir, 'readmodels.sqlite')} is in use by another process; ` +
          'stop the other API, projector or CLI using it, or set CRM_DATA_DIR to another directory',
      );
    } finally {
      await holder.close();
    }
  });

  it('anything else: its first line, the stack left to the debug level', () => {
    expect(startupFailureLine(new Error('boom\n    at somewhere'))).toBe(
      'boom (CRM_LOG_LEVEL=debug shows the stack)',
    );
  });
});

describe('reportStartupFailure', () => {
  const capture = () => {
    const stderr = new PassThrough();
    let text = '';
    stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    return { stderr, text: () => text };
  };
  afterEach(() => (process.exitCode = undefined));

  it('one line per refused variable, a non-zero exit code, no stack', () => {
    const { stderr, text } = capture();
    const error = new ConfigError(['PORT="abc": must be a whole number from 0 to 65535']);
    reportStartupFailure('crm-api', error, { stderr, env: {} });
    expect(text()).toBe(
      'crm-api: cannot start: PORT="abc": must be a whole number from 0 to 65535\n',
    );
    expect(process.exitCode).toBe(1);
  });

  it('the stack and causes at CRM_LOG_LEVEL=debug', () => {
    const { stderr, text } = capture();
    const error = new Error('outer', { cause: new Error('inner') });
    reportStartupFailure('projector', error, { stderr, env: { CRM_LOG_LEVEL: 'debug' } });
    const [first, ...rest] = text().split('\n');
    expect(first).toBe('projector: cannot start: outer (CRM_LOG_LEVEL=debug shows the stack)');
    expect(rest.join('\n')).toMatch(/^Error: outer\n\s+at [\s\S]*caused by: Error: inner\n/);
  });
});
