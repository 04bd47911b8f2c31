import Database from 'better-sqlite3';
import { IndexEntry } from './index-keys';
import { IndexShape } from './index-shape';
import { toSqlValue } from './sql-values';

/**
 * One declared index, persisted: a table `ix_<id>` keyed by a column `k<i>` per field and the
 * `rid` of the document (one b-tree per index: an entry costs one insert). `shape` tells what its
 * documents held in its fields (see IndexShape); it only widens.
 */
export class SqlIndex {
  readonly table: string;
  private readonly insert: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    readonly id: number,
    readonly collection: string,
    readonly fields: readonly string[],
    public shape: IndexShape,
  ) {
    this.table = `ix_${id}`;
    const columns = fields.map((_, i) => `k${i}`);
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${this.table} (${columns.map((c) => `${c} NOT NULL`).join(', ')},
         rid INTEGER NOT NULL, PRIMARY KEY (${columns.join(', ')}, rid)) WITHOUT ROWID;`,
    );
    this.insert = db.prepare(
      `INSERT INTO ${this.table} (${columns.join(', ')}, rid) VALUES (${columns.map(() => '?').join(', ')}, ?)`,
    );
    this.remove = db.prepare(
      `DELETE FROM ${this.table} WHERE ${columns.map((c) => `${c} = ?`).join(' AND ')} AND rid = ?`,
    );
  }

  column(field: string): string | undefined {
    const position = this.fields.indexOf(field);
    return position < 0 ? undefined : `k${position}`;
  }

  add(rid: number, entry: IndexEntry): void {
    this.insert.run(...entry.map(toSqlValue), rid);
  }

  delete(rid: number, entry: IndexEntry): void {
    this.remove.run(...entry.map(toSqlValue), rid);
  }

  drop(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${this.table}`);
  }

  sameFields(fields: readonly string[]): boolean {
    return (
      fields.length === this.fields.length && fields.every((field, i) => field === this.fields[i])
    );
  }
}
