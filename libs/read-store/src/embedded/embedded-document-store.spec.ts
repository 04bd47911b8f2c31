import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentStoreContract } from '@crm/testing';
import { Document, DocumentStore, WriteBatch } from '../document-store';
import {
  createEmbeddedDocumentStore,
  ReadStoreInUseError,
  UnserializableDocumentError,
} from './embedded-document-store';

const tempDirs: string[] = [];
const newTempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), `crm-read-${randomUUID().slice(0, 8)}-`));
  tempDirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

documentStoreContract('embedded in memory', async () =>
  createEmbeddedDocumentStore({ path: ':memory:' }),
);

// One file shared by every test of the suite: each store loads what the previous ones left.
const sharedFile = join(newTempDir(), 'contract.db');
documentStoreContract('embedded file', async () =>
  createEmbeddedDocumentStore({ path: sharedFile }),
);

describe('embedded document store', () => {
  const open: DocumentStore[] = [];
  const openStore = (path: string): DocumentStore => {
    const store = createEmbeddedDocumentStore({ path });
    open.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  const batch = (
    writes: WriteBatch['writes'],
    checkpoints: WriteBatch['checkpoints'] = [],
  ): WriteBatch => ({ writes, checkpoints, position: 1n });

  const upsert = (collection: string, document: Document): WriteBatch['writes'][number] => ({
    collection,
    op: 'upsert',
    document,
  });

  /** Reads the file with a plain connection (the store must be closed: it holds the lock). */
  const rawRows = (file: string): { documents: unknown[]; checkpoints: unknown[] } => {
    const raw = new Database(file, { readonly: true });
    try {
      return {
        documents: raw.prepare('SELECT collection, id, doc FROM docs ORDER BY 1, 2').all(),
        checkpoints: raw.prepare('SELECT name, position FROM checkpoints ORDER BY 1').all(),
      };
    } finally {
      raw.close();
    }
  };

  it('creates the parent directory and uses WAL', async () => {
    const file = join(newTempDir(), 'nested', 'deeper', 'read.db');
    const store = createEmbeddedDocumentStore({ path: file });
    await store.commit(batch([upsert('c', { _id: 'a' })]));
    await store.close();
    expect(existsSync(file)).toBe(true);
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('keeps documents, checkpoints and generations across close and reopen', async () => {
    const file = join(newTempDir(), 'reopen.db');
    const first = createEmbeddedDocumentStore({ path: file });
    await first.commit(
      batch(
        [
          upsert('contacts@g1', { _id: 'a', name: 'Ada', tags: ['vip'] }),
          upsert('contacts@g1', { _id: 'b', name: 'Bob', tags: [] }),
          upsert('deals', { _id: 'd', amount: 10 }),
          { collection: 'contacts@g1', op: 'delete', id: 'b' },
        ],
        [{ name: 'contacts', position: 9007199254740993n }],
      ),
    );
    await first.switchGeneration('contacts', 'contacts@g1');
    await first.close();

    const second = openStore(file);
    expect(await second.collection('contacts@g1').find({})).toEqual([
      { _id: 'a', name: 'Ada', tags: ['vip'] },
    ]);
    expect(await second.collection('deals').get('d')).toEqual({ _id: 'd', amount: 10 });
    expect(await second.checkpoint('contacts')).toBe(9007199254740993n);
    expect(await second.activeGeneration('contacts')).toBe('contacts@g1');
  });

  it('answers queries after reopen, with indexes declared again and without', async () => {
    const file = join(newTempDir(), 'indexes.db');
    const first = createEmbeddedDocumentStore({ path: file });
    await first.ensureIndexes('c', [{ fields: ['tenantId', 'tags'] }]);
    await first.commit(
      batch([
        upsert('c', { _id: 'a', tenantId: 't1', tags: ['vip', 'eu'] }),
        upsert('c', { _id: 'b', tenantId: 't1', tags: ['us'] }),
        upsert('c', { _id: 'c', tenantId: 't2', tags: ['vip'] }),
      ]),
    );
    await first.close();

    const second = openStore(file);
    const query = { tenantId: 't1', tags: 'vip' };
    expect((await second.collection('c').find(query)).map((d) => d._id)).toEqual(['a']);
    await second.ensureIndexes('c', [{ fields: ['tenantId', 'tags'] }]);
    expect((await second.collection('c').find(query)).map((d) => d._id)).toEqual(['a']);
    await second.commit(batch([upsert('c', { _id: 'a', tenantId: 't1', tags: ['eu'] })]));
    expect(await second.collection('c').find(query)).toEqual([]);
    expect(await second.collection('c').count({ tenantId: 't2', tags: 'vip' })).toBe(1);
  });

  it('persists index declarations, so a store opened without declaring them still uses them', async () => {
    const file = join(newTempDir(), 'persisted-indexes.db');
    const first = createEmbeddedDocumentStore({ path: file });
    await first.ensureIndexes('c', [{ fields: ['tenantId', 'amount'] }]);
    await first.commit(
      batch([
        upsert('c', { _id: 'a', tenantId: 't1', amount: 5 }),
        upsert('c', { _id: 'b', tenantId: 't1', amount: 50 }),
      ]),
    );
    await first.close();
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.prepare('SELECT collection, fields, plain, sparse FROM indexes').all()).toEqual([
        { collection: 'c', fields: '["tenantId","amount"]', plain: 1, sparse: 0 },
      ]);
      const plan = raw
        .prepare(
          `EXPLAIN QUERY PLAN SELECT rid FROM ix_1 x WHERE x.k0 = 't1' AND typeof(x.k1) IN ('integer', 'real') AND x.k1 > 10`,
        )
        .all() as { detail: string }[];
      expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING PRIMARY KEY/);
    } finally {
      raw.close();
    }
    const second = openStore(file);
    expect(await second.collection('c').find({ tenantId: 't1', amount: { $gt: 10 } })).toEqual([
      { _id: 'b', tenantId: 't1', amount: 50 },
    ]);
  });

  it('carries documents over from a file written before they moved to the docs table', async () => {
    const file = join(newTempDir(), 'old-layout.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,
      PRIMARY KEY (collection, id)) WITHOUT ROWID;
      INSERT INTO documents VALUES ('c', 'a', '{"_id":"a","v":1}');`);
    old.close();
    const store = openStore(file);
    expect(await store.collection('c').get('a')).toEqual({ _id: 'a', v: 1 });
  });

  it('drops the index declarations of a layout 2 file, which counted a missing field as not plain', async () => {
    const file = join(newTempDir(), 'layout-2.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE indexes (id INTEGER PRIMARY KEY AUTOINCREMENT, collection TEXT NOT NULL,
      fields TEXT NOT NULL, plain INTEGER NOT NULL, UNIQUE (collection, fields));
      INSERT INTO indexes (collection, fields, plain) VALUES ('c', '["tenantId","ownerId"]', 0);
      CREATE TABLE ix_1 (k0 NOT NULL, k1 NOT NULL, rid INTEGER NOT NULL,
        PRIMARY KEY (k0, k1, rid)) WITHOUT ROWID;
      PRAGMA user_version = 2;`);
    old.close();
    const store = openStore(file);
    await store.ensureIndexes('c', [{ fields: ['tenantId', 'ownerId'] }]);
    await store.commit(batch([upsert('c', { _id: 'a', tenantId: 't1' })]));
    await store.close();
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.prepare('SELECT collection, fields, plain, sparse FROM indexes').all()).toEqual([
        { collection: 'c', fields: '["tenantId","ownerId"]', plain: 1, sparse: 0b10 },
      ]);
    } finally {
      raw.close();
    }
  });

  describe('one process per file', () => {
    it('a second opener fails at once with a clear error, until the first closes', async () => {
      const file = join(newTempDir(), 'locked.db');
      const first = createEmbeddedDocumentStore({ path: file });
      const started = Date.now();
      expect(() => createEmbeddedDocumentStore({ path: file })).toThrow(ReadStoreInUseError);
      expect(() => createEmbeddedDocumentStore({ path: file })).toThrow(
        `read store ${file} is in use by another process`,
      );
      expect(Date.now() - started).toBeLessThan(1000);
      await first.close();
      await expect(openStore(file).checkpoint('x')).resolves.toBeUndefined();
    });

    it('holds the lock on an existing file it only reads', async () => {
      const file = join(newTempDir(), 'existing.db');
      const writer = createEmbeddedDocumentStore({ path: file });
      await writer.commit(batch([upsert('c', { _id: 'a' })]));
      await writer.close();
      openStore(file);
      expect(() => createEmbeddedDocumentStore({ path: file })).toThrow(ReadStoreInUseError);
    });

    it('another process can neither read nor write the file while a store has it open', () => {
      const file = join(newTempDir(), 'other-process.db');
      openStore(file);
      const script = `
        const Database = require(process.argv[1]);
        const db = new Database(process.argv[2], { timeout: 0 });
        try { db.prepare('SELECT count(*) FROM documents').get(); console.log('read'); }
        catch (error) { console.log(error.code); }
        finally { db.close(); }`;
      const output = execFileSync(
        process.execPath,
        ['-e', script, require.resolve('better-sqlite3'), file],
        { encoding: 'utf8' },
      );
      expect(output.trim()).toBe('SQLITE_BUSY');
    });
  });

  describe('a failed commit', () => {
    const seed = async (store: DocumentStore): Promise<void> => {
      await store.ensureIndexes('contacts', [{ fields: ['stage'] }]);
      await store.commit(
        batch(
          [
            upsert('contacts', { _id: 'a', stage: 'lead' }),
            upsert('contacts', { _id: 'b', stage: 'lead' }),
          ],
          [{ name: 'contacts', position: 5n }],
        ),
      );
    };

    // A good write, a delete and a write to another collection land in SQLite first; the
    // BigInt fails JSON serialization half-way, before the checkpoints are written.
    const failing = batch(
      [
        upsert('contacts', { _id: 'a', stage: 'won' }),
        { collection: 'contacts', op: 'delete', id: 'b' },
        upsert('deals', { _id: 'd', amount: 1 }),
        upsert('contacts', { _id: 'c', stage: 'lead', amount: 10n }),
      ],
      [{ name: 'contacts', position: 9n }],
    );

    const expectSeededState = async (store: DocumentStore): Promise<void> => {
      const contacts = store.collection('contacts');
      expect(await contacts.find({}, { sort: { _id: 1 } })).toEqual([
        { _id: 'a', stage: 'lead' },
        { _id: 'b', stage: 'lead' },
      ]);
      expect((await contacts.find({ stage: 'lead' })).map((d) => d._id).sort()).toEqual(['a', 'b']);
      expect(await contacts.find({ stage: 'won' })).toEqual([]);
      expect(await store.collection('deals').count({})).toBe(0);
      expect(await store.checkpoint('contacts')).toBe(5n);
    };

    it('changes neither documents nor checkpoints, in memory and in SQLite', async () => {
      const file = join(newTempDir(), 'failed.db');
      const store = createEmbeddedDocumentStore({ path: file });
      await seed(store);
      const error = await store.commit(failing).then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
      expect(error).toBeInstanceOf(UnserializableDocumentError);
      expect((error as Error).message).toMatch(/document c of contacts is not JSON/);
      await expectSeededState(store);
      await store.close();

      expect(rawRows(file)).toEqual({
        documents: [
          { collection: 'contacts', id: 'a', doc: JSON.stringify({ _id: 'a', stage: 'lead' }) },
          { collection: 'contacts', id: 'b', doc: JSON.stringify({ _id: 'b', stage: 'lead' }) },
        ],
        checkpoints: [{ name: 'contacts', position: '5' }],
      });
      const reopened = openStore(file);
      await reopened.ensureIndexes('contacts', [{ fields: ['stage'] }]);
      await expectSeededState(reopened);
    });

    it('leaves the store usable for the next commit', async () => {
      const store = openStore(':memory:');
      await seed(store);
      await expect(store.commit(failing)).rejects.toThrow(UnserializableDocumentError);
      await store.commit(batch([upsert('contacts', { _id: 'a', stage: 'won' })]));
      expect((await store.collection('contacts').find({ stage: 'won' })).map((d) => d._id)).toEqual(
        ['a'],
      );
    });
  });

  it('rejects a document whose _id is not a string, writing nothing', async () => {
    const store = openStore(':memory:');
    const bad = { _id: 7 } as unknown as Document;
    await expect(
      store.commit(
        batch([upsert('c', { _id: 'ok' }), upsert('c', bad)], [{ name: 'c', position: 1n }]),
      ),
    ).rejects.toThrow(/non-string _id/);
    expect(await store.collection('c').count({})).toBe(0);
    expect(await store.checkpoint('c')).toBeUndefined();
  });

  it('refuses to work once closed; closing twice is harmless', async () => {
    const store = createEmbeddedDocumentStore({ path: ':memory:' });
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
    await expect(store.collection('c').find({})).rejects.toThrow(/closed/);
    await expect(store.commit(batch([]))).rejects.toThrow(/closed/);
    await expect(store.checkpoint('c')).rejects.toThrow(/closed/);
  });
});
