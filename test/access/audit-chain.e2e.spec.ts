import { loadConfig } from '@crm/application';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { runCli } from '../../apps/cli/src/cli';
import { mintToken, TEST_AUTH_ENV } from '../support/credentials';

const collector = () => {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  return { stream, text: () => text };
};

const TOKEN = `Bearer ${mintToken({ sub: 'auditor-1', tenant: 'acme', roles: ['admin'] })}`;

/** Starts the API on a data directory, runs `use` against it, stops it. */
const withApi = async <T>(dataDir: string, use: (http: () => request.Agent) => Promise<T>) => {
  const app = await createApp({
    config: loadConfig({ CRM_DATA_DIR: dataDir, CRM_RUN_PROCESSES: 'false', ...TEST_AUTH_ENV }),
    documentStore: createEmbeddedDocumentStore({ path: ':memory:' }),
    logger: false,
  });
  try {
    return await use(() => request.agent(app.getHttpServer()).set('authorization', TOKEN));
  } finally {
    await app.close();
  }
};

const verify = async (dataDir: string, ...args: string[]) => {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(['audit', 'verify', ...args], {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { CRM_DATA_DIR: dataDir, CRM_LOG_LEVEL: 'error' },
  });
  return { code, stdout: stdout.text() };
};

describe('tamper evidence: the hash chain and audit verify', () => {
  let root: string;
  let original: string;
  let contactId: string;
  const stream = () => `contact-acme.${contactId}`;

  /** A copy of the original log in a directory of its own, edited by `tamper`. */
  const tampered = (name: string, tamper: (db: Database.Database) => void): string => {
    const dir = join(root, name);
    mkdirSync(dir);
    const source = new Database(join(original, 'events.sqlite'));
    source.exec(`VACUUM INTO '${join(dir, 'events.sqlite')}'`);
    source.close();
    const db = new Database(join(dir, 'events.sqlite'));
    tamper(db);
    db.close();
    return dir;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-chain-'));
    original = join(root, 'original');
    await withApi(original, async (http) => {
      const created = await http()
        .post('/contacts')
        .send({ firstName: 'Ada', lastName: 'Lovelace' })
        .expect(201);
      contactId = created.body.id;
      for (const lastName of ['Byron', 'King', 'Lovelace-King']) {
        await http().patch(`/contacts/${contactId}`).send({ lastName }).expect(200);
      }
      await http().post('/accounts').send({ name: 'Analytical Engines' }).expect(201);
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('verifies an untouched log, and answers each hash in the audit', async () => {
    const report = await verify(original);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('streams checked: 2');
    expect(report.stdout).toContain('events checked: 5');
    expect(report.stdout).toContain('events from before the chain: 0');
    expect(report.stdout).toContain('chain: intact');
    expect((await verify(original, '--tenant', 'other')).stdout).toContain('events checked: 0');

    await withApi(original, async (http) => {
      const audit = await http().get(`/audit/contact/${contactId}`).expect(200);
      expect(audit.body.chain).toEqual({
        verified: true,
        eventsChecked: 4,
        eventsFromBeforeTheChain: 0,
        brokenLink: null,
      });
      expect(audit.body.events.map((e: { chainVerified: boolean }) => e.chainVerified)).toEqual([
        true,
        true,
        true,
        true,
      ]);
      for (const event of audit.body.events) expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      const page = await http()
        .get(`/audit/contact/${contactId}?fromRevision=2&limit=1`)
        .expect(200);
      expect(page.body.events.map((e: { revision: number }) => e.revision)).toEqual([2]);
      expect(page.body.chain.verified).toBe(true);
    });
  });

  it('finds one changed byte of event data', async () => {
    const dir = tampered('byte', (db) => {
      const changed = db
        .prepare(
          `UPDATE events SET data = replace(data, '"King"', '"Kong"') WHERE stream_name = ? AND stream_revision = 2`,
        )
        .run(stream());
      expect(changed.changes).toBe(1);
    });
    const report = await verify(dir);
    expect(report.code).toBe(1);
    expect(report.stdout).toContain('chain: BROKEN');
    expect(report.stdout).toContain(`first broken link: stream ${stream()}, revision 2`);
    expect(report.stdout).toMatch(/expected: [0-9a-f]{64}\n\s+found: {4}[0-9a-f]{64}/);
    await withApi(dir, async (http) => {
      const audit = await http().get(`/audit/contact/${contactId}`).expect(200);
      expect(audit.body.chain).toMatchObject({ verified: false, brokenLink: { revision: 2 } });
      expect(audit.body.events.map((e: { chainVerified: boolean }) => e.chainVerified)).toEqual([
        true,
        true,
        false,
        false,
      ]);
    });
  });

  it('finds an event deleted from the middle of a stream', async () => {
    const dir = tampered('deleted', (db) => {
      db.prepare('DELETE FROM events WHERE stream_name = ? AND stream_revision = 1').run(stream());
    });
    const report = await verify(dir);
    expect(report.code).toBe(1);
    expect(report.stdout).toContain(`first broken link: stream ${stream()}, revision 2`);
    expect(report.stdout).toContain('expected: revision 1');
  });

  it('finds two events swapped', async () => {
    const dir = tampered('swapped', (db) => {
      const rows = db
        .prepare(
          'SELECT global_position, event_id, type, data, metadata FROM events WHERE stream_name = ? AND stream_revision IN (1, 2) ORDER BY stream_revision',
        )
        .all(stream()) as {
        global_position: number;
        event_id: string;
        type: string;
        data: string;
        metadata: string;
      }[];
      const put = db.prepare(
        'UPDATE events SET event_id = ?, type = ?, data = ?, metadata = ? WHERE global_position = ?',
      );
      db.transaction(() => {
        put.run(
          'swap-temporary',
          rows[1].type,
          rows[1].data,
          rows[1].metadata,
          rows[0].global_position,
        );
        put.run(
          rows[0].event_id,
          rows[0].type,
          rows[0].data,
          rows[0].metadata,
          rows[1].global_position,
        );
        db.prepare('UPDATE events SET event_id = ? WHERE event_id = ?').run(
          rows[1].event_id,
          'swap-temporary',
        );
      })();
    });
    const report = await verify(dir);
    expect(report.code).toBe(1);
    expect(report.stdout).toContain(`first broken link: stream ${stream()}, revision 1`);
  });

  it('counts events from before the chain without calling them broken', async () => {
    const dir = tampered('legacy', (db) => {
      db.prepare(
        "UPDATE events SET metadata = json_remove(metadata, '$.hash') WHERE type LIKE 'Account%'",
      ).run();
    });
    const report = await verify(dir);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('events from before the chain: 1');
  });
});
