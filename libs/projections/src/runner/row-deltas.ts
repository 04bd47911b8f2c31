import { Document } from '@crm/read-store';
import { RowContribution, RowDocument } from '../projection';

/** What one event changes in the rows: per row, the keys and the counters to add (may be < 0). */
export type RowDelta = Map<
  string,
  { keys: RowContribution['keys']; counters: Map<string, bigint> }
>;

const add = (delta: RowDelta, contribution: RowContribution, sign: 1n | -1n): void => {
  const row = delta.get(contribution.id) ?? { keys: contribution.keys, counters: new Map() };
  for (const [name, value] of Object.entries(contribution.counters))
    row.counters.set(name, (row.counters.get(name) ?? 0n) + sign * value);
  delta.set(contribution.id, row);
};

/** What the rows gain when a document goes from `before` to `after` (contributions of each). */
export const rowDeltaOf = (
  before: readonly RowContribution[],
  after: readonly RowContribution[],
): RowDelta => {
  const delta: RowDelta = new Map();
  for (const contribution of before) add(delta, contribution, -1n);
  for (const contribution of after) add(delta, contribution, 1n);
  for (const [id, row] of delta) {
    for (const [name, value] of row.counters) if (value === 0n) row.counters.delete(name);
    if (row.counters.size === 0) delta.delete(id);
  }
  return delta;
};

/** Adds `more` into `into` (two changes of one event). */
export const mergeRowDelta = (into: RowDelta, more: RowDelta): void => {
  for (const [id, row] of more) {
    const merged = into.get(id) ?? { keys: row.keys, counters: new Map<string, bigint>() };
    for (const [name, value] of row.counters)
      merged.counters.set(name, (merged.counters.get(name) ?? 0n) + value);
    into.set(id, merged);
  }
};

/** `row` (undefined when it does not exist yet) with the delta's counters added. */
export const withDelta = (
  row: Document | undefined,
  id: string,
  change: { keys: RowContribution['keys']; counters: Map<string, bigint> },
): RowDocument => {
  const stored = (row?.counters ?? {}) as Record<string, string>;
  const counters: Record<string, string> = { ...stored };
  for (const [name, value] of change.counters)
    counters[name] = String(BigInt(stored[name] ?? '0') + value);
  return { ...change.keys, ...row, _id: id, counters };
};
