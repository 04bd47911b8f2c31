import Database from 'better-sqlite3';
import { Document, Filter, FindOptions, IndexSpec } from '../document-store';
import { CachedDocument, DocumentCache } from './document-cache';
import { IndexPlan, planQuery } from './filter-plan';
import { fillIndexesInJs } from './index-fill';
import { IndexEntry, indexEntriesOf } from './index-keys';
import { EMPTY_SHAPE, IndexShape, isPlain, MAX_INDEX_FIELDS } from './index-shape';
import { checkedSkip, effectiveLimit, findIn, projectAll } from './run-query';
import { SqlIndex } from './sql-index';
import { fillIndexesInSql } from './sql-index-fill';
import { SqlValue } from './sql-values';
import { mingoQuery } from './mingo-query';

type Row = { rid: number; id: string; doc: string };

const sameFields = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((field, i) => field === b[i]);

const MAX_CACHED_STATEMENTS = 256;

/**
 * The documents of every collection in SQLite, their declared indexes as SQLite tables, and a
 * bounded cache in front. Reads go to SQLite (narrowed by an index where the filter allows)
 * and come back as fresh objects parsed from JSON, so callers never share the store's state.
 */
export class SqliteDocuments {
  private readonly indexes = new Map<string, SqlIndex[]>();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly selectOne: Database.Statement<[string, string], { rid: number; doc: string }>;
  private readonly selectMany: Database.Statement<[string, string], Row>;
  private readonly scanAll: Database.Statement<[string], Row>;
  private readonly countAll: Database.Statement<[string], { n: number }>;

  constructor(
    private readonly db: Database.Database,
    readonly cache: DocumentCache,
  ) {
    this.selectOne = db.prepare('SELECT rid, doc FROM docs WHERE collection = ? AND id = ?');
    this.selectMany = db.prepare(
      'SELECT rid, id, doc FROM docs WHERE collection = ? AND id IN (SELECT value FROM json_each(?))',
    );
    this.scanAll = db.prepare('SELECT rid, id, doc FROM docs WHERE collection = ?');
    this.countAll = db.prepare('SELECT count(*) AS n FROM docs WHERE collection = ?');
    const declared = db
      .prepare<
        [],
        {
          id: number;
          collection: string;
          fields: string;
          plain: number;
          sparse: number;
          arrays: number | null;
        }
      >('SELECT id, collection, fields, plain, sparse, arrays FROM indexes ORDER BY id')
      .all();
    for (const row of declared) {
      const fields = JSON.parse(row.fields) as string[];
      // `plain` is kept beside `arrays` because a file of layout 3 has only it.
      const shape: IndexShape = { arrays: row.plain === 1 ? 0 : row.arrays, sparse: row.sparse };
      this.indexesOf(row.collection).push(new SqlIndex(db, row.id, row.collection, fields, shape));
    }
  }

  indexesOf(collection: string): SqlIndex[] {
    let found = this.indexes.get(collection);
    if (!found) {
      found = [];
      this.indexes.set(collection, found);
    }
    return found;
  }

  /**
   * Declares the indexes not declared yet, persisted, filled from the documents already there (a
   * fresh generation gets every index at once when it is switched in): in SQL where the fields
   * allow it, else in one pass over the documents in JS.
   */
  ensureIndexes(collection: string, specs: readonly IndexSpec[]): void {
    if (specs.some((spec) => spec.fields.length === 0)) {
      throw new Error('an index needs at least one field');
    }
    if (specs.some((spec) => spec.fields.length > MAX_INDEX_FIELDS)) {
      throw new Error(`an index has at most ${MAX_INDEX_FIELDS} fields`);
    }
    const existing = this.indexesOf(collection);
    const missing = specs.filter(
      (spec, i) =>
        !existing.some((index) => index.sameFields(spec.fields)) &&
        specs.findIndex((other) => sameFields(other.fields, spec.fields)) === i,
    );
    if (missing.length === 0) return;
    const fill = this.db.transaction((): SqlIndex[] => {
      const declare = this.db.prepare<[string, string], { id: number }>(
        'INSERT INTO indexes (collection, fields, plain, sparse, arrays) VALUES (?, ?, 1, 0, 0) RETURNING id',
      );
      const added = missing.map((spec) => {
        const { id } = declare.get(collection, JSON.stringify(spec.fields)) as { id: number };
        return new SqlIndex(this.db, id, collection, [...spec.fields], EMPTY_SHAPE);
      });
      const inJs = fillIndexesInSql(this.db, collection, added);
      if (inJs.length > 0) fillIndexesInJs(this.db, collection, inJs);
      for (const index of added) this.saveShape(index, index.shape);
      return added;
    });
    existing.push(...fill());
  }

  /** Persists what the index's documents hold (in the caller's transaction). */
  saveShape(index: SqlIndex, shape: IndexShape): void {
    this.db
      .prepare('UPDATE indexes SET plain = ?, sparse = ?, arrays = ? WHERE id = ?')
      .run(isPlain(shape) ? 1 : 0, shape.sparse, shape.arrays, index.id);
  }

  /** Removes the documents, indexes and index tables of one collection. */
  drop(collection: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM docs WHERE collection = ?').run(collection);
      for (const index of this.indexesOf(collection)) index.drop();
      this.db.prepare('DELETE FROM indexes WHERE collection = ?').run(collection);
    })();
    this.indexes.delete(collection);
    this.cache.deleteCollection(collection);
  }

  /** The document as SQLite holds it (through the cache); `json` undefined when absent. */
  known(collection: string, id: string): CachedDocument {
    const key = DocumentCache.key(collection, id);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const row = this.selectOne.get(collection, id);
    const found: CachedDocument = row
      ? { json: row.doc, rid: row.rid, entries: new Map() }
      : { json: undefined, entries: new Map() };
    this.cache.set(key, found);
    return found;
  }

  /** The entries of a known document in one index, computed once from its JSON. */
  entriesIn(document: CachedDocument, index: SqlIndex): IndexEntry[] {
    if (document.json === undefined) return [];
    let entries = document.entries.get(index.id);
    if (!entries) {
      entries = indexEntriesOf(JSON.parse(document.json), index.fields).entries;
      document.entries.set(index.id, entries);
    }
    return entries;
  }

  get(collection: string, id: string): Document | undefined {
    const json = this.known(collection, id).json;
    return json === undefined ? undefined : (JSON.parse(json) as Document);
  }

  /**
   * Cached (hits and misses alike) because the projection runner reads, then writes, the same
   * documents: their index entries are computed here, from the objects just parsed, so the
   * write that follows never parses them again.
   */
  getMany(collection: string, ids: readonly string[]): Map<string, Document> {
    const found = new Map<string, Document>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const cached = this.cache.get(DocumentCache.key(collection, id));
      if (!cached) missing.push(id);
      else if (cached.json !== undefined) found.set(id, JSON.parse(cached.json) as Document);
    }
    if (missing.length === 0) return found;
    const indexes = this.indexesOf(collection);
    const rows = this.selectMany.all(collection, JSON.stringify(missing));
    for (const row of rows) {
      const document = JSON.parse(row.doc) as Document;
      const entries = new Map<number, IndexEntry[]>();
      for (const index of indexes) {
        entries.set(index.id, indexEntriesOf(document, index.fields).entries);
      }
      this.cache.set(DocumentCache.key(collection, row.id), {
        json: row.doc,
        rid: row.rid,
        entries,
      });
      found.set(row.id, document);
    }
    for (const id of missing) {
      if (!found.has(id)) {
        this.cache.set(DocumentCache.key(collection, id), { json: undefined, entries: new Map() });
      }
    }
    return found;
  }

  find(collection: string, filter: Filter, options: FindOptions = {}): Document[] {
    const id = filter['_id'];
    if (typeof id === 'string') {
      const document = this.get(collection, id);
      return findIn(document ? [document] : [], filter, options);
    }
    const plan = planQuery(filter, options.sort, this.indexesOf(collection));
    const sorted = options.sort !== undefined && Object.keys(options.sort).length > 0;
    if (plan?.covered && (plan.orderBy !== undefined || !sorted)) {
      const skip = checkedSkip(options);
      const limit = effectiveLimit(options);
      const rows = this.statement<Row>(coveredFindSql(plan, skip)).all(
        ...plan.params,
        limit === 0 ? -1 : limit,
        skip,
      );
      return projectAll(
        rows.map((row) => JSON.parse(row.doc) as Document),
        options,
      );
    }
    const query = mingoQuery(filter);
    const matches: Document[] = [];
    const stopAt = sorted ? Infinity : checkedSkip(options) + (effectiveLimit(options) || Infinity);
    for (const row of this.candidates(collection, plan)) {
      const document = JSON.parse(row.doc) as Document;
      if (query.test(document)) matches.push(document);
      if (matches.length >= stopAt) break;
    }
    return findIn(matches, {}, options);
  }

  count(collection: string, filter: Filter): number {
    const plan = planQuery(filter, undefined, this.indexesOf(collection));
    if (plan?.covered) {
      return (
        this.statement<{ n: number }>(
          `SELECT count(*) AS n FROM ${plan.index.table} x WHERE ${plan.where}`,
        ).get(...plan.params)?.n ?? 0
      );
    }
    if (Object.keys(filter).length === 0) return this.countAll.get(collection)?.n ?? 0;
    if (typeof filter['_id'] === 'string') return this.find(collection, filter).length;
    const query = mingoQuery(filter);
    let count = 0;
    for (const row of this.candidates(collection, plan)) {
      if (query.test(JSON.parse(row.doc))) count += 1;
    }
    return count;
  }

  private candidates(
    collection: string,
    plan: ReturnType<typeof planQuery>,
  ): IterableIterator<Row> {
    if (!plan) return this.scanAll.iterate(collection);
    return this.statement<Row>(
      `SELECT d.rid, d.id, d.doc FROM docs d
       WHERE d.rid IN (SELECT x.rid FROM ${plan.index.table} x WHERE ${plan.where})`,
    ).iterate(...plan.params);
  }

  private statement<R>(sql: string): Database.Statement<SqlValue[], R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as Database.Statement<SqlValue[], R>;
  }
}

/**
 * The SQL of a find that the index answers whole. With a `skip` on a sort of index fields only,
 * the index table alone is walked past the skipped entries (it holds every sort column and the
 * document's rid), and only the page is joined to the documents: a join per skipped entry made a
 * rank read (a median by `skip`) cost as much as reading the entries' documents' keys.
 */
const coveredFindSql = (plan: IndexPlan, skip: number): string => {
  const { orderBy } = plan;
  if (skip > 0 && orderBy !== undefined && !orderBy.includes('d.id')) {
    return `SELECT d.rid, d.id, d.doc FROM (SELECT x.* FROM ${plan.index.table} x
         WHERE ${plan.where} ORDER BY ${orderBy} LIMIT ? OFFSET ?) x JOIN docs d ON d.rid = x.rid
         ORDER BY ${orderBy}`;
  }
  return `SELECT d.rid, d.id, d.doc FROM ${plan.index.table} x JOIN docs d ON d.rid = x.rid
         WHERE ${plan.where}${orderBy ? ` ORDER BY ${orderBy}` : ''} LIMIT ? OFFSET ?`;
};
