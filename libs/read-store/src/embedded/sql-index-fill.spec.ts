import Database from 'better-sqlite3';
import { fillIndexesInJs } from './index-fill';
import { EMPTY_SHAPE } from './index-shape';
import { openReadDatabase } from './read-database';
import { SqlIndex } from './sql-index';
import { fillIndexesInSql } from './sql-index-fill';

/** A value of every JSON type a top-level field can hold, and the absence of one. */
const VALUES: unknown[] = [
  'acme',
  '',
  '100',
  'true',
  'é 😀 "quoted" \\ back\nslash',
  'a\u0000b',
  0,
  -0,
  1,
  -7,
  100,
  2.5,
  -1e-7,
  1e21,
  Number.MAX_SAFE_INTEGER,
  2 ** 64,
  0.1 + 0.2,
  5e-324,
  true,
  false,
  null,
  { nested: 'x' },
  {},
  undefined, // the field is missing
];

type IndexRow = Record<string, unknown>;

const setUp = (documents: readonly Record<string, unknown>[]) => {
  const db = openReadDatabase(':memory:', { pageCacheKiB: 1024 });
  const insert = db.prepare<[string, string]>(
    "INSERT INTO docs (collection, id, doc) VALUES ('c', ?, ?)",
  );
  documents.forEach((document, i) =>
    insert.run(`d${i}`, JSON.stringify({ _id: `d${i}`, ...document })),
  );
  let nextId = 1;
  const index = (fields: string[]): SqlIndex =>
    new SqlIndex(db, nextId++, 'c', fields, EMPTY_SHAPE);
  return { db, index };
};

/** Every row of an index table with each value's SQLite type and bytes, in key order. */
const rowsOf = (db: Database.Database, index: SqlIndex): IndexRow[] => {
  const keys = index.fields.map((_, i) => `k${i}`);
  const columns = keys.flatMap((key) => [
    `typeof(${key}) AS ${key}_type`,
    `hex(${key}) AS ${key}_hex`,
  ]);
  return db
    .prepare<[], IndexRow>(
      `SELECT ${columns.join(', ')}, rid FROM ${index.table} ORDER BY ${keys.join(', ')}, rid`,
    )
    .all();
};

/** The same index filled both ways: SQL must have filled it, and into the table JS fills. */
const expectSameFill = (db: Database.Database, viaSql: SqlIndex, viaJs: SqlIndex): IndexRow[] => {
  expect(fillIndexesInSql(db, 'c', [viaSql])).toEqual([]);
  fillIndexesInJs(db, 'c', [viaJs]);
  const rows = rowsOf(db, viaSql);
  expect(rows).toEqual(rowsOf(db, viaJs));
  expect(viaSql.shape).toEqual(viaJs.shape);
  return rows;
};

describe('fillIndexesInSql', () => {
  it('stores for every value type exactly the entries the JS fill stores', () => {
    const documents = VALUES.map((value, i) =>
      value === undefined ? { tenantId: 't' } : { tenantId: `t${i % 3}`, value },
    );
    const { db, index } = setUp(documents);
    const rows = expectSameFill(db, index(['value']), index(['value']));
    expect(rows).toHaveLength(VALUES.length);
    expect(new Set(rows.map((row) => row['k0_type']))).toEqual(new Set(['text', 'real', 'blob']));
    db.close();
  });

  it('fills compound indexes as JS does, each field its own column', () => {
    const documents = VALUES.flatMap((value, i) =>
      VALUES.slice(0, 6).map((other) => ({ a: value, b: other, c: i % 2 === 0 })),
    );
    const { db, index } = setUp(documents);
    const rows = expectSameFill(db, index(['a', 'b', 'c']), index(['a', 'b', 'c']));
    expect(rows).toHaveLength(documents.length);
    db.close();
  });

  it('keeps an index plain when every document holds one scalar in each field', () => {
    const documents = [
      { tenantId: 'a', size: 1, active: true },
      { tenantId: 'b', size: 2.5, active: false },
    ];
    const { db, index } = setUp(documents);
    const viaSql = index(['tenantId', 'size', 'active']);
    expectSameFill(db, viaSql, index(['tenantId', 'size', 'active']));
    expect(viaSql.shape).toEqual({ arrays: 0, sparse: 0 });
    db.close();
  });

  it.each([
    ['nothing in a field', { tenantId: 'b' }, { arrays: 0, sparse: 0b10 }],
    ['null in a field', { tenantId: 'b', size: null }, { arrays: 0, sparse: 0b10 }],
    ['a subdocument in a field', { tenantId: 'b', size: { n: 1 } }, { arrays: null, sparse: 0b10 }],
  ])('widens the shape for %s, as JS does', (_, other, shape) => {
    const { db, index } = setUp([{ tenantId: 'a', size: 1 }, other]);
    const viaSql = index(['tenantId', 'size']);
    expectSameFill(db, viaSql, index(['tenantId', 'size']));
    expect(viaSql.shape).toEqual(shape);
    db.close();
  });

  it('fills several indexes in one scan and leaves only those with an array to JS', () => {
    const documents = VALUES.map((value, i) => ({ tenantId: `t${i % 3}`, value, tags: [`t${i}`] }));
    const { db, index } = setUp(documents);
    const [byTenant, byValue, byTags] = [['tenantId'], ['tenantId', 'value'], ['tags']].map(index);
    expect(fillIndexesInSql(db, 'c', [byTenant, byValue, byTags])).toEqual([byTags]);
    const [tenantInJs, valueInJs] = [['tenantId'], ['tenantId', 'value']].map(index);
    fillIndexesInJs(db, 'c', [tenantInJs, valueInJs]);
    expect(rowsOf(db, byTenant)).toEqual(rowsOf(db, tenantInJs));
    expect(rowsOf(db, byValue)).toEqual(rowsOf(db, valueInJs));
    expect(rowsOf(db, byTenant)).toHaveLength(VALUES.length);
    expect(rowsOf(db, byTags)).toEqual([]);
    expect([byTenant.shape, byValue.shape]).toEqual([tenantInJs.shape, valueInJs.shape]);
    expect([byTenant.shape.arrays, byValue.shape.arrays]).toEqual([0, null]);
    db.close();
  });

  it.each([
    ['an array in an indexed field', { tags: ['vip', 'new'] }, ['tags']],
    ['a lone surrogate in a document', { tags: 'x\ud800y' }, ['tags']],
    ['a path through a subdocument', { tags: 'vip', address: { city: 'Oslo' } }, ['address.city']],
  ])('leaves %s to the JS fill and writes nothing', (_, document, fields) => {
    const { db, index } = setUp([{ tags: 'plain' }, document]);
    const viaSql = index(fields);
    expect(fillIndexesInSql(db, 'c', [viaSql])).toEqual([viaSql]);
    expect(rowsOf(db, viaSql)).toEqual([]);
    db.close();
  });
});
