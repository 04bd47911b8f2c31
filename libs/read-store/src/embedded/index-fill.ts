import Database from 'better-sqlite3';
import { IndexEntry, indexEntriesOf } from './index-keys';
import { widenedShape } from './index-shape';
import { SqlIndex } from './sql-index';
import { SqlValue, toSqlValue } from './sql-values';

/** Rows per multi-row INSERT: one statement run costs more than one row. */
const CHUNK = 100;

/**
 * Fills a new index from documents already there: entries are staged unordered in a temporary
 * table (appends, many rows per statement), then copied into the index in key order, so its
 * b-tree grows at its right edge instead of taking every entry at a random place. SQLite sorts
 * the staged rows itself (spilling to disk when large), so memory stays bounded.
 */
export class IndexFill {
  private readonly staging: string;
  private readonly columns: string[];
  private readonly stageOne: Database.Statement;
  private readonly stageChunk: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly index: SqlIndex,
  ) {
    this.staging = `temp.fill_${index.id}`;
    this.columns = [...index.fields.map((_, i) => `k${i}`), 'rid'];
    db.exec(`CREATE TABLE ${this.staging} (${this.columns.join(', ')})`);
    const row = `(${this.columns.map(() => '?').join(', ')})`;
    const insert = `INSERT INTO ${this.staging} (${this.columns.join(', ')}) VALUES `;
    this.stageOne = db.prepare(insert + row);
    this.stageChunk = db.prepare(insert + Array<string>(CHUNK).fill(row).join(', '));
  }

  stage(rows: readonly { rid: number; entry: IndexEntry }[]): void {
    const valuesOf = (slice: typeof rows): SqlValue[] =>
      slice.flatMap(({ rid, entry }) => [...entry.map(toSqlValue), rid]);
    let at = 0;
    for (; at + CHUNK <= rows.length; at += CHUNK) {
      this.stageChunk.run(...valuesOf(rows.slice(at, at + CHUNK)));
    }
    for (const row of rows.slice(at)) this.stageOne.run(...valuesOf([row]));
  }

  /** Copies the staged entries into the index, in its key order, and drops the staging table. */
  finish(): void {
    const columns = this.columns.join(', ');
    this.db.exec(
      `INSERT INTO ${this.index.table} (${columns}) SELECT ${columns} FROM ${this.staging} ORDER BY ${columns};
       DROP TABLE ${this.staging};`,
    );
  }
}

type Row = { rid: number; id: string; doc: string };

/**
 * Fills new indexes of one collection from its documents parsed in JS, in one pass over them
 * (what fillIndexesInSql cannot do: paths, arrays). Widens each index's shape with every
 * document's entries.
 */
export const fillIndexesInJs = (
  db: Database.Database,
  collection: string,
  indexes: readonly SqlIndex[],
): void => {
  // In pages by id (the (collection, id) key, no sort): better-sqlite3 cannot write while a
  // statement is still reading.
  const firstPage = db.prepare<[string], Row>(
    'SELECT rid, id, doc FROM docs WHERE collection = ? ORDER BY id LIMIT 1000',
  );
  const page = db.prepare<[string, string], Row>(
    'SELECT rid, id, doc FROM docs WHERE collection = ? AND id > ? ORDER BY id LIMIT 1000',
  );
  const fills = indexes.map((index) => new IndexFill(db, index));
  for (let rows = firstPage.all(collection); rows.length > 0;) {
    const documents = rows.map((row): unknown => JSON.parse(row.doc));
    indexes.forEach((index, i) => {
      const entries: { rid: number; entry: IndexEntry }[] = [];
      rows.forEach((row, at) => {
        const found = indexEntriesOf(documents[at], index.fields);
        index.shape = widenedShape(index.shape, found) ?? index.shape;
        for (const entry of found.entries) entries.push({ rid: row.rid, entry });
      });
      fills[i].stage(entries);
    });
    rows = page.all(collection, rows[rows.length - 1].id);
  }
  for (const fill of fills) fill.finish();
};
