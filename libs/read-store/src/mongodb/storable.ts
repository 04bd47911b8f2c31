import { Document } from '../document-store';

/**
 * What the MongoDB adapter refuses to store, on every deployment, so that one read model works
 * on MongoDB and on FerretDB alike: FerretDB 1.x rejects nested arrays, keys containing `.` or
 * starting with `$`, and NaN/±Infinity; on MongoDB such keys cannot be queried by path either.
 */
export class UnstorableDocumentError extends TypeError {
  constructor(
    readonly collection: string,
    readonly documentId: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(
      `Document ${collection}/${documentId} cannot be stored at ${path || '(root)'}: ${reason}`,
    );
    this.name = 'UnstorableDocumentError';
  }
}

const MAX_DEPTH = 100;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !(value instanceof RegExp);

/** The first problem found, as [path, reason], or undefined when the value can be stored. */
const problemIn = (
  value: unknown,
  path: string,
  insideArray: boolean,
  depth: number,
): [string, string] | undefined => {
  if (depth > MAX_DEPTH) return [path, `nested deeper than ${MAX_DEPTH} levels`];
  if (typeof value === 'number' && !Number.isFinite(value))
    return [path, `${value} is not a finite number`];
  if (typeof value === 'bigint') return [path, 'a bigint has no JSON form (store a string)'];
  if (typeof value === 'function' || typeof value === 'symbol')
    return [path, `a ${typeof value} is not data`];
  if (Array.isArray(value)) {
    if (insideArray) return [path, 'nested arrays (an array inside an array) are not supported'];
    for (const [index, item] of value.entries()) {
      const found = problemIn(item, `${path}[${index}]`, true, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes('.')) return [at, `the key ${JSON.stringify(key)} contains "."`];
      if (key.startsWith('$')) return [at, `the key ${JSON.stringify(key)} starts with "$"`];
      if (key.includes('\u0000')) return [at, 'a key contains a NUL character'];
      const found = problemIn(item, at, false, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
};

/** Throws UnstorableDocumentError, naming the offending path, for a document MongoDB-wire engines differ on. */
export const assertStorable = (collection: string, document: Document): void => {
  const found = problemIn(document, '', false, 0);
  if (found) throw new UnstorableDocumentError(collection, document._id, found[0], found[1]);
};
