import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Opens the configured stores as the API does, in a fresh node process, and prints which of the
 * packages the non-default adapters need were loaded: the embedded default needs none of them.
 */
const SCRIPT = `
const { loadConfig } = require('./libs/application/src/config');
const { openConfiguredEventStore } = require('./libs/application/src/nest/event-store.provider');
const { openConfiguredDocumentStore } = require('./libs/application/src/read-side/document-store.provider');
const loaded = (name) => Object.keys(require.cache).some((path) => path.includes('/node_modules/' + name + '/'));
(async () => {
  const config = loadConfig(process.env);
  const events = await openConfiguredEventStore(config);
  const documents = await openConfiguredDocumentStore(config);
  const before = ['@eventstore/db-client', 'mongodb', 'mingo'].filter(loaded);
  await documents.collection('probe').find({ a: 1 });
  const after = ['mingo'].filter(loaded);
  await documents.close();
  await events.close();
  process.stdout.write(JSON.stringify({ before, after }));
})();
`;

describe('start-up on the embedded default', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-lazy-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads neither the EventStoreDB client, the MongoDB driver nor mingo; mingo on the first query', () => {
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', SCRIPT], {
      cwd: ROOT,
      env: { ...process.env, CRM_DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ before: [], after: ['mingo'] });
  }, 60_000);
});
