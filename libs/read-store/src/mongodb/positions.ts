import { Long } from 'mongodb';

/**
 * Positions on the wire and back. A global position is an unsigned 64-bit integer: it is sent as
 * an Int64 (`Long`), which the server compares numerically with doubles, and read back with
 * `useBigInt64` so nothing above 2^53 is rounded.
 */
export const positionLong = (position: bigint): Long => Long.fromBigInt(position);

/**
 * A stored `_position` as an exact bigint; undefined when there is none (a document written
 * before the guard, or without a stamp). A double that is not an integer is corrupt.
 */
export const storedPosition = (value: unknown): bigint | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (Long.isLong(value)) return value.toBigInt();
  throw new TypeError(`Corrupt _position: ${JSON.stringify(String(value))} is not an integer`);
};
