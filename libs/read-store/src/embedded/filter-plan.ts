import { Filter, SortSpec } from '../document-store';
import { isIndexableValue } from './index-keys';
import { isSparseAt } from './index-shape';
import { SqlIndex } from './sql-index';
import { SqlValue, toSqlValue } from './sql-values';

/** A condition on one index column, as SQL over that column and its parameters. */
type Condition = (column: string) => { sql: string; params: SqlValue[] };

/**
 * How SQL narrows a find: the index whose table answers the filter's conditions on its fields.
 * `covered` means those conditions ARE the whole filter and the index is plain, so the rows SQL
 * returns are exactly the matches (no filter runs after), and `orderBy`, when set, sorts them
 * as MongoDB would (no sort column holds nothing in those rows), so skip and limit can run in
 * SQL too.
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

/** The best index for `filter`: the one its conditions narrow most (see reachOf). */
export const planQuery = (
  filter: Filter,
  sort: SortSpec | undefined,
  indexes: readonly SqlIndex[],
): IndexPlan | undefined => {
  const conditions = new Map<string, Condition>();
  const points = new Set<string>();
  for (const [field, value] of Object.entries(filter)) {
    if (field.startsWith('$')) continue;
    const condition = conditionFor(value);
    if (condition) conditions.set(field, condition);
    if (condition && isPointCondition(value)) points.add(field);
  }
  let best: { index: SqlIndex; prefix: number; covered: boolean } | undefined;
  for (const index of indexes) {
    const prefix = reachOf(index, conditions, points);
    if (prefix === 0) continue;
    const covered =
      index.shape.plain &&
      Object.keys(filter).every((field) => conditions.has(field) && index.fields.includes(field));
    const better =
      !best ||
      prefix > best.prefix ||
      (prefix === best.prefix && covered && !best.covered) ||
      (prefix === best.prefix &&
        covered === best.covered &&
        index.fields.length < best.index.fields.length);
    if (better) best = { index, prefix, covered };
  }
  if (!best) return undefined;
  const { index, covered } = best;
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
    orderBy: covered ? orderByFor(sort, index, conditions) : undefined,
  };
};

/**
 * SQL's ORDER BY for a sort on the index's fields and `_id`; undefined when it has others, or a
 * sparse field no condition narrows (a condition leaves out the rows holding nothing).
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
    if (position >= 0 && isSparseAt(index.shape, position) && !conditions.has(field)) {
      return undefined;
    }
    terms.push(
      `${column.includes('.') ? column : `x.${column}`} ${direction === -1 ? 'DESC' : 'ASC'}`,
    );
  }
  return terms.join(', ');
};
