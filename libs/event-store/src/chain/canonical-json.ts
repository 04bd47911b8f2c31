import { JsonValue } from '../event-store';

/**
 * One spelling for a JSON value whatever the key order it was built or stored with: keys
 * sorted by code unit, no whitespace. Adapters may hand back objects in another key order
 * than the writer used, so the hash must not depend on it.
 */
export const canonicalJson = (value: JsonValue): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
};
