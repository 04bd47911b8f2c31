import Database from 'better-sqlite3';
import { DocumentFields } from '../document-store';
import { CachedDocument } from './document-cache';

/** Sets some top-level fields of a stored document; undefined when none is stored. */
export type SetFields = (
  collection: string,
  id: string,
  fields: DocumentFields,
) => CachedDocument | undefined;

/**
 * A `set` write as one `json_set` in SQL: SQLite edits the stored JSON in place, so the document
 * is neither parsed nor serialized in JS. Each value goes in as JSON text (`json(?)`), so strings,
 * numbers, booleans, null and subdocuments keep their type. One statement per number of fields.
 */
export const createSetFields = (db: Database.Database): SetFields => {
  const statements = new Map<number, Database.Statement<string[], { rid: number; doc: string }>>();
  const statementFor = (count: number) => {
    let statement = statements.get(count);
    if (!statement) {
      const pairs = Array.from({ length: count }, () => '?, json(?)').join(', ');
      statement = db.prepare(
        `UPDATE docs SET doc = json_set(doc, ${pairs}) WHERE collection = ? AND id = ? RETURNING rid, doc`,
      );
      statements.set(count, statement);
    }
    return statement;
  };
  return (collection, id, fields) => {
    const entries = Object.entries(fields);
    if (entries.length === 0) return undefined;
    const params = entries.flatMap(([field, value]) => [`$."${field}"`, JSON.stringify(value)]);
    const row = statementFor(entries.length).get(...params, collection, id);
    return row === undefined ? undefined : { json: row.doc, rid: row.rid, entries: new Map() };
  };
};
