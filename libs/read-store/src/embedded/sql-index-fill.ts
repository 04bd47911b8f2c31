import Database from 'better-sqlite3';
import { SqlIndex } from './sql-index';

/** A top-level key one JSON path step reads (`$.tenantId`); any other field is walked in JS. */
const TOP_LEVEL_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * JSON.stringify writes a lone surrogate as `\udXXX`: SQLite would decode it to bytes other than
 * the ones better-sqlite3 binds for the same JS string, so such documents are read in JS.
 */
const LONE_SURROGATE = "doc GLOB '*\\ud[89a-f]*'";

const typeOf = (path: string): string => `json_type(doc, '${path}')`;

/**
 * The column value toSqlValue (sql-values.ts) stores for the field at `path`: strings as text,
 * numbers as REAL (better-sqlite3 binds every JS number as a double), booleans as one-byte blobs,
 * and the empty blob for nothing (missing, null, or a subdocument: indexEntriesOf finds no scalar).
 */
const columnValue = (path: string): string =>
  `CASE ${typeOf(path)}
     WHEN 'text' THEN json_extract(doc, '${path}')
     WHEN 'integer' THEN CAST(json_extract(doc, '${path}') AS REAL)
     WHEN 'real' THEN json_extract(doc, '${path}')
     WHEN 'true' THEN x'01'
     WHEN 'false' THEN x'00'
     ELSE x'' END`;

/**
 * Fills a new index of top-level fields in one INSERT ... SELECT, without parsing a document in
 * JS, in key order (the b-tree grows at its right edge). Returns false, writing nothing, when a
 * document needs the JS reading (indexEntriesOf): an array in an indexed field (one entry per
 * element) or a lone surrogate. Sets `index.plain` as indexEntriesOf would: false once a document
 * holds nothing or a subdocument in one of the fields.
 */
export const fillIndexInSql = (db: Database.Database, index: SqlIndex): boolean => {
  if (!index.fields.every((field) => TOP_LEVEL_KEY.test(field))) return false;
  const paths = index.fields.map((field) => `$.${field}`);
  const any = (condition: string): boolean =>
    db
      .prepare<[string], { found: number }>(
        `SELECT EXISTS (SELECT 1 FROM docs WHERE collection = ? AND (${condition})) AS found`,
      )
      .get(index.collection)?.found === 1;
  const arrays = paths.map((path) => `${typeOf(path)} = 'array'`);
  if (any([...arrays, LONE_SURROGATE].join(' OR '))) return false;
  const holes = paths.map((path) => `coalesce(${typeOf(path)}, 'null') IN ('null', 'object')`);
  if (any(holes.join(' OR '))) index.plain = false;
  const keys = index.fields.map((_, i) => `k${i}`);
  db.prepare<[string]>(
    `INSERT INTO ${index.table} (${keys.join(', ')}, rid)
     SELECT ${paths.map((path, i) => `${columnValue(path)} AS ${keys[i]}`).join(', ')}, rid
     FROM docs WHERE collection = ? ORDER BY ${keys.join(', ')}, rid`,
  ).run(index.collection);
  return true;
};
