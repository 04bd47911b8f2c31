import Database from 'better-sqlite3';
import { IndexEntry } from './index-keys';
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
