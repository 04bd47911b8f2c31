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
 * Per indexed field: its column value, and whether it held an array, a subdocument, or no scalar
 * (missing, null or a subdocument: the entry holds nothing there, as indexEntriesOf finds).
 */
const fieldColumns = (field: string, i: number): string => {
  const path = `$.${field}`;
  return [
    `${columnValue(path)} AS v${i}`,
    `${typeOf(path)} = 'array' AS array${i}`,
    `${typeOf(path)} = 'object' AS object${i}`,
    `coalesce(${typeOf(path)}, 'null') IN ('null', 'object') AS nothing${i}`,
  ].join(', ');
};

/**
 * Fills new indexes of top-level fields in SQL, without parsing a document in JS: one scan reads
 * every indexed field of every document into a temporary table (SQLite parses each document once
 * for all its fields), then each index is copied from it in key order (its b-tree grows at its
 * right edge). Returns the indexes left for the JS reading (indexEntriesOf), untouched: those with
 * a path, or an array in a field (one entry per element); all of them when a document holds a
 * lone surrogate. Widens each index's shape as indexEntriesOf would: not plain (arrays unknown)
 * once a document holds a subdocument in one of its fields, sparse in each field some document holds nothing in.
 */
export const fillIndexesInSql = (
  db: Database.Database,
  collection: string,
  indexes: readonly SqlIndex[],
): SqlIndex[] => {
  const inSql = indexes.filter((index) => index.fields.every((f) => TOP_LEVEL_KEY.test(f)));
  const left = indexes.filter((index) => !inSql.includes(index));
  if (inSql.length === 0) return left;
  const fields = [...new Set(inSql.flatMap((index) => index.fields))];
  const column = new Map(fields.map((field, i) => [field, i]));
  db.prepare<[string]>(
    `CREATE TEMP TABLE fill_values AS
     SELECT rid, ${fields.map(fieldColumns).join(', ')}, ${LONE_SURROGATE} AS odd
     FROM docs WHERE collection = ?`,
  ).run(collection);
  try {
    const seen = db
      .prepare<[], Record<string, number | null>>(
        `SELECT max(odd) AS odd, ${fields.map((_, i) => `max(array${i}) AS array${i}, max(object${i}) AS object${i}, max(nothing${i}) AS nothing${i}`).join(', ')}
         FROM temp.fill_values`,
      )
      .get() as Record<string, number | null>;
    if (seen['odd'] === 1) return [...indexes];
    const held = (field: string, flag: string): boolean =>
      seen[`${flag}${column.get(field)}`] === 1;
    for (const index of inSql) {
      if (index.fields.some((field) => held(field, 'array'))) {
        left.push(index);
        continue;
      }
      const sparse = index.fields.reduce(
        (bits, field, i) => (held(field, 'nothing') ? bits | (1 << i) : bits),
        index.shape.sparse,
      );
      const arrays = index.fields.some((field) => held(field, 'object'))
        ? null
        : index.shape.arrays;
      index.shape = { arrays, sparse };
      const keys = index.fields.map((_, i) => `k${i}`);
      const values = index.fields.map((field) => `v${column.get(field)}`);
      db.exec(
        `INSERT INTO ${index.table} (${keys.join(', ')}, rid)
         SELECT ${values.join(', ')}, rid FROM temp.fill_values ORDER BY ${values.join(', ')}, rid`,
      );
    }
    return left;
  } finally {
    db.exec('DROP TABLE temp.fill_values');
  }
};
