import { Filter, SortSpec } from '../document-store';
import { isIndexableValue } from './index-keys';
import { isArrayAt, isSparseAt } from './index-shape';
import { SqlIndex } from './sql-index';
import { SqlValue, toSqlValue } from './sql-values';

/** A condition on one index column, as SQL over that column and its parameters. */
type Condition = (column: string) => { sql: string; params: SqlValue[] };

/**
 * How SQL narrows a find: the index whose table answers the filter's conditions on its fields.
 * `covered` means those conditions ARE the whole filter and SQL's rows are one per document
 * (see answersAlone), so the rows SQL returns are exactly the matches (no filter runs after),
 * and `orderBy`, when set, sorts them as MongoDB would (no sort column holds nothing or an array
 * in those rows), so skip, limit and count can run in SQL too.
 */
export type IndexPlan = {
  index: SqlIndex;
  where: string;
  params: SqlValue[];
  covered: boolean;
  orderBy?: string;
};

const RANGE_OPERATORS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * The condition SQL can evaluate exactly for a filter value on a scalar field: a plain equality
 * with a string, finite number or boolean; `$in` of such values; or range operators whose
 * values are all numbers or all strings (MongoDB compares a range with values of its own type
 * only, hence the `typeof` guard). Anything else (null, regexes, arrays, `$ne`...) has none.
 */
export const conditionFor = (value: unknown): Condition | undefined => {
  if (isIndexableValue(value)) {
    const param = toSqlValue(value);
    return (column) => ({ sql: `${column} = ?`, params: [param] });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (value instanceof RegExp) return undefined;
  const operators = Object.entries(value as Record<string, unknown>);
  if (operators.length === 0) return undefined;
  if (operators.length === 1 && operators[0][0] === '$in') return inCondition(operators[0][1]);
  return rangeCondition(operators);
};

const inCondition = (values: unknown): Condition | undefined => {
  if (!Array.isArray(values) || values.length === 0 || !values.every(isIndexableValue)) {
    return undefined;
  }
  const params = values.map(toSqlValue);
  return (column) => ({ sql: `${column} IN (${params.map(() => '?').join(', ')})`, params });
};

const rangeCondition = (operators: [string, unknown][]): Condition | undefined => {
  if (!operators.every(([operator]) => operator in RANGE_OPERATORS)) return undefined;
  const values = operators.map(([, operand]) => operand);
  const numbers = values.every((v) => typeof v === 'number' && Number.isFinite(v));
  const strings = values.every((v) => typeof v === 'string');
  if (!numbers && !strings) return undefined;
  const guard = numbers ? "IN ('integer', 'real')" : "= 'text'";
  return (column) => ({
    sql: [
      `typeof(${column}) ${guard}`,
      ...operators.map(([operator]) => `${column} ${RANGE_OPERATORS[operator]} ?`),
    ].join(' AND '),
    params: values as SqlValue[],
  });
};

/** A value or `$in`: the b-tree narrows to points and may go on with the next field. */
const isPointCondition = (value: unknown): boolean =>
  isIndexableValue(value) ||
  (typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    '$in' in value);

/**
 * How far the index's b-tree narrows: its leading fields with a point condition, then one with
 * a range (the b-tree goes no further after a range). A point counts twice, so one more point
 * beats a range: `tenantId` and `_validTo > t` (most of a tenant's versions) must not win over
 * `tenantId` and `contactId`.
 */
const reachOf = (
  index: SqlIndex,
  conditions: ReadonlyMap<string, Condition>,
  points: ReadonlySet<string>,
): number => {
  let reach = 0;
  for (const field of index.fields) {
    if (!conditions.has(field)) break;
    if (!points.has(field)) return reach + 1;
    reach += 2;
  }
  return reach;
};

/**
 * Whether the index's rows that pass the conditions are one per matching document, so SQL alone
 * answers (given every filter field is conditioned and in the index). A plain index has one row
 * per document. An index whose fields held arrays of scalars (nothing else: see IndexShape) has
 * one row per combination of a document's distinct values, one per field (index-keys.ts keeps
 * them in a set, so a term held twice gives one row), and its table's key is (k0..kn, rid). When
 * every array field's condition is one scalar equality, a document's rows that pass hold that
 * scalar in each array field, and its single value in every other field (none ever held an
 * array): all their columns are the same, so the key leaves at most one such row per document,
 * also with several array fields. That row exists exactly when the document matches as MongoDB
 * reads an equality on an array (some element equals it). `$in` or a range on an array field
 * could pass two of a document's elements, hence two rows, and an array field without a
 * condition gives a row per element: neither answers alone.
 */
const answersAlone = (index: SqlIndex, scalars: ReadonlySet<string>): boolean =>
  index.shape.arrays !== null &&
  index.fields.every((field, i) => !isArrayAt(index.shape, i) || scalars.has(field));

/** The best index for `filter`: the one its conditions narrow most (see reachOf). */
export const planQuery = (
  filter: Filter,
  sort: SortSpec | undefined,
  indexes: readonly SqlIndex[],
): IndexPlan | undefined => {
  const conditions = new Map<string, Condition>();
  const points = new Set<string>();
  const scalars = new Set<string>();
  for (const [field, value] of Object.entries(filter)) {
    if (field.startsWith('$')) continue;
    const condition = conditionFor(value);
    if (condition) conditions.set(field, condition);
    if (condition && isPointCondition(value)) points.add(field);
    if (condition && isIndexableValue(value)) scalars.add(field);
  }
  const sorted = Object.keys(sort ?? {}).length > 0;
  type Candidate = { index: SqlIndex; prefix: number; covered: boolean; orderBy?: string };
  let best: Candidate | undefined;
  for (const index of indexes) {
    const prefix = reachOf(index, conditions, points);
    if (prefix === 0) continue;
    const covered =
      answersAlone(index, scalars) &&
      Object.keys(filter).every((field) => conditions.has(field) && index.fields.includes(field));
    const orderBy = covered ? orderByFor(sort, index, conditions) : undefined;
    // At the same reach, one that answers alone, then one that also sorts, then the smallest.
    const rank = (candidate: Candidate): number[] => [
      candidate.prefix,
      candidate.covered ? 1 : 0,
      sorted && candidate.orderBy !== undefined ? 1 : 0,
      -candidate.index.fields.length,
    ];
    const candidate = { index, prefix, covered, orderBy };
    if (!best || isGreater(rank(candidate), rank(best))) best = candidate;
  }
  if (!best) return undefined;
  const { index, covered, orderBy } = best;
  const parts: string[] = [];
  const params: SqlValue[] = [];
  for (const field of index.fields) {
    const condition = conditions.get(field);
    if (!condition) continue;
    const built = condition(`x.${index.column(field)}`);
    parts.push(built.sql);
    params.push(...built.params);
  }
  return {
    index,
    where: parts.join(' AND '),
    params,
    covered,
    orderBy,
  };
};

/** Lexicographic comparison of two ranks of the same length. */
const isGreater = (a: readonly number[], b: readonly number[]): boolean => {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] > b[i];
  }
  return false;
};

/**
 * SQL's ORDER BY for a sort on the index's fields and `_id`; undefined when it has others, a
 * field that held an array (MongoDB sorts a document by its least or greatest element, a row
 * holds one), or a sparse field no condition narrows (a condition leaves out the rows holding
 * nothing).
 */
const orderByFor = (
  sort: SortSpec | undefined,
  index: SqlIndex,
  conditions: ReadonlyMap<string, Condition>,
): string | undefined => {
  const keys = Object.entries(sort ?? {});
  if (keys.length === 0) return undefined;
  const terms: string[] = [];
  for (const [field, direction] of keys) {
    const column = field === '_id' ? 'd.id' : index.column(field);
    if (!column) return undefined;
    const position = index.fields.indexOf(field);
    if (position >= 0 && isArrayAt(index.shape, position)) return undefined;
    if (position >= 0 && isSparseAt(index.shape, position) && !conditions.has(field)) {
      return undefined;
    }
    terms.push(
      `${column.includes('.') ? column : `x.${column}`} ${direction === -1 ? 'DESC' : 'ASC'}`,
    );
  }
  return terms.join(', ');
};
