import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, DocumentStore, Filter, FindOptions, WriteBatch } from '../document-store';
import { createEmbeddedDocumentStore } from './embedded-document-store';
import { findIn } from './run-query';

/**
 * A find on an index whose field held arrays of scalars (word-search terms), answered from the
 * index table alone: the same documents as mingo finds over all of them, in the same order,
 * page by page, while parsing only the page.
 */
describe('embedded store, a covered find on an array field', () => {
  const dirs: string[] = [];
  const open: DocumentStore[] = [];
  const openStore = (path = ':memory:'): DocumentStore => {
    const store = createEmbeddedDocumentStore({ path });
    open.push(store);
    return store;
  };
  const newFile = (name: string): string => {
    const dir = mkdtempSync(join(tmpdir(), `crm-multikey-${randomUUID().slice(0, 8)}-`));
    dirs.push(dir);
    return join(dir, name);
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const FIELDS = ['tenantId', '_search', 'status', 'name', 'contactId'];
  const TERMS = ['ab', 'abc', 'ad', 'be', 'bee'];
  const SORT = { name: 1, contactId: 1 } as const;

  /** Contacts holding a few terms each; names repeat, so the id breaks ties. */
  const contacts = (): Document[] => {
    const documents: Document[] = Array.from({ length: 40 }, (_, i) => ({
      _id: `c${i}`,
      tenantId: i % 7 === 0 ? 'other' : 't',
      contactId: `c${String(i).padStart(2, '0')}`,
      name: `name ${i % 6}`,
      status: i % 5 === 0 ? 'merged' : 'active',
      _search: TERMS.filter((_, t) => (i + t) % 3 !== 0),
    }));
    documents.push(
      {
        _id: 'twice',
        tenantId: 't',
        contactId: 'x1',
        name: 'a',
        status: 'active',
        _search: ['abc', 'abc', 'ab'],
      },
      {
        _id: 'scalar',
        tenantId: 't',
        contactId: 'x2',
        name: 'b',
        status: 'active',
        _search: 'abc',
      },
      { _id: 'empty', tenantId: 't', contactId: 'x3', name: 'c', status: 'active', _search: [] },
      { _id: 'none', tenantId: 't', contactId: 'x4', name: 'd', status: 'active' },
    );
    return documents;
  };

  const fill = async (store: DocumentStore, documents: readonly Document[]): Promise<void> => {
    await store.ensureIndexes('contacts', [{ fields: FIELDS }]);
    const batch: WriteBatch = {
      writes: documents.map((document) => ({ collection: 'contacts', op: 'upsert', document })),
      checkpoints: [],
      position: 1n,
    };
    await store.commit(batch);
  };

  /** What the find parsed: documents of the collection read from JSON while it ran. */
  const parsedDuring = async <T>(run: () => Promise<T>): Promise<{ result: T; parsed: number }> => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const result = await run();
      const parsed = parse.mock.calls.filter(
        ([text]) => typeof text === 'string' && text.includes('"_id"'),
      ).length;
      return { result, parsed };
    } finally {
      parse.mockRestore();
    }
  };

  const expectSameAsMingo = async (
    store: DocumentStore,
    documents: readonly Document[],
    filter: Filter,
  ): Promise<void> => {
    const collection = store.collection('contacts');
    const all = findIn(
      documents.map((d) => structuredClone(d)),
      filter,
      { sort: SORT },
    );
    expect(all.length).toBeGreaterThan(0);
    expect(await collection.count(filter)).toBe(all.length);
    for (let skip = 0; skip <= all.length; skip += 3) {
      const options: FindOptions = { sort: SORT, skip, limit: 3 };
      const found = await collection.find(filter, options);
      expect({ filter, skip, ids: found.map((d) => d._id) }).toEqual({
        filter,
        skip,
        ids: all.slice(skip, skip + 3).map((d) => d._id),
      });
    }
    expect(await collection.find(filter, { sort: SORT })).toEqual(all);
  };

  it('answers as mingo does, page by page, and counts the same', async () => {
    const documents = contacts();
    const store = openStore();
    await fill(store, documents);
    for (const term of TERMS) {
      for (const status of ['active', 'merged']) {
        await expectSameAsMingo(store, documents, { tenantId: 't', _search: term, status });
      }
    }
    const twice = await store
      .collection('contacts')
      .find({ tenantId: 't', _search: 'abc', status: 'active' }, { sort: SORT });
    expect(twice.filter((d) => d._id === 'twice')).toHaveLength(1);
  });

  it('parses only the page, and counts without parsing', async () => {
    const store = openStore();
    await fill(store, contacts());
    const collection = store.collection('contacts');
    const filter = { tenantId: 't', _search: 'abc', status: 'active' };
    const page = await parsedDuring(() =>
      collection.find(filter, { sort: SORT, skip: 4, limit: 2 }),
    );
    expect(page.result).toHaveLength(2);
    expect(page.parsed).toBe(2);
    const count = await parsedDuring(() => collection.count(filter));
    expect(count.result).toBeGreaterThan(4);
    expect(count.parsed).toBe(0);
  });

  it('still reads documents for $in on the array field, and answers as mingo does', async () => {
    const documents = contacts();
    const store = openStore();
    await fill(store, documents);
    const filter = { tenantId: 't', _search: { $in: ['ab', 'abc'] }, status: 'active' };
    await expectSameAsMingo(store, documents, filter);
    const page = await parsedDuring(() =>
      store.collection('contacts').find(filter, { sort: SORT, limit: 2 }),
    );
    expect(page.parsed).toBeGreaterThan(2);
  });

  it('keeps which fields held arrays in the file, and answers covered after reopening', async () => {
    const file = newFile('arrays.db');
    const first = createEmbeddedDocumentStore({ path: file });
    await fill(first, contacts());
    await first.close();
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.prepare('SELECT fields, plain, sparse, arrays FROM indexes').all()).toEqual([
        { fields: JSON.stringify(FIELDS), plain: 0, sparse: 0b00010, arrays: 0b00010 },
      ]);
    } finally {
      raw.close();
    }
    const reopened = openStore(file);
    const filter = { tenantId: 't', _search: 'abc', status: 'active' };
    const page = await parsedDuring(() =>
      reopened.collection('contacts').find(filter, { sort: SORT, limit: 2 }),
    );
    expect(page.parsed).toBe(2);
  });

  it('opens a layout 3 file, whose indexes that are not plain it reads through mingo', async () => {
    const file = newFile('layout-3.db');
    const old = new Database(file);
    const docs = [
      { _id: 'a', tenantId: 't', tags: ['x', 'y'], n: 2 },
      { _id: 'b', tenantId: 't', tags: ['x'], n: 1 },
    ];
    old.exec(`CREATE TABLE docs (rid INTEGER PRIMARY KEY, collection TEXT NOT NULL,
        id TEXT NOT NULL, doc TEXT NOT NULL, UNIQUE (collection, id));
      CREATE TABLE indexes (id INTEGER PRIMARY KEY AUTOINCREMENT, collection TEXT NOT NULL,
        fields TEXT NOT NULL, plain INTEGER NOT NULL, sparse INTEGER NOT NULL,
        UNIQUE (collection, fields));
      INSERT INTO indexes (collection, fields, plain, sparse) VALUES
        ('c', '["tenantId","tags"]', 0, 0), ('c', '["tenantId","n"]', 1, 0);
      CREATE TABLE ix_1 (k0 NOT NULL, k1 NOT NULL, rid INTEGER NOT NULL,
        PRIMARY KEY (k0, k1, rid)) WITHOUT ROWID;
      CREATE TABLE ix_2 (k0 NOT NULL, k1 NOT NULL, rid INTEGER NOT NULL,
        PRIMARY KEY (k0, k1, rid)) WITHOUT ROWID;
      INSERT INTO ix_1 VALUES ('t', 'x', 1), ('t', 'y', 1), ('t', 'x', 2);
      INSERT INTO ix_2 VALUES ('t', 2.0, 1), ('t', 1.0, 2);
      PRAGMA user_version = 3;`);
    const insert = old.prepare('INSERT INTO docs (rid, collection, id, doc) VALUES (?, ?, ?, ?)');
    docs.forEach((doc, i) => insert.run(i + 1, 'c', doc._id, JSON.stringify(doc)));
    old.close();

    const store = openStore(file);
    const collection = store.collection('c');
    const byTag = await parsedDuring(() =>
      collection.find({ tenantId: 't', tags: 'x' }, { sort: { _id: 1 }, limit: 1 }),
    );
    expect(byTag.result).toEqual([docs[0]]);
    expect(byTag.parsed).toBe(2);
    expect(await collection.count({ tenantId: 't', tags: 'x' })).toBe(2);
    const byNumber = await parsedDuring(() =>
      collection.find({ tenantId: 't' }, { sort: { n: 1 }, limit: 1 }),
    );
    expect(byNumber.result).toEqual([docs[1]]);
    expect(byNumber.parsed).toBe(1);
    await store.close();
    open.splice(0);

    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(4);
      expect(raw.prepare('SELECT fields, plain, arrays FROM indexes ORDER BY id').all()).toEqual([
        { fields: '["tenantId","tags"]', plain: 0, arrays: null },
        { fields: '["tenantId","n"]', plain: 1, arrays: null },
      ]);
    } finally {
      raw.close();
    }
  });
});
