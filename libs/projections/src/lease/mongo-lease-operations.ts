import { Filter, UpdateFilter } from 'mongodb';

export const LEASES_COLLECTION = '_leases';

/**
 * One lease per document, `_id` its name. `token` names the current acquisition: the MongoDB
 * document store refuses a commit fenced by another token (libs/read-store, fences.ts).
 */
export type LeaseDocument = {
  _id: string;
  owner: string;
  token?: string;
  expiresAt: Date;
  renewedAt: Date;
};

/** Matches the lease when it is ours or expired; when no document matches, the upsert tries to insert it. */
export const acquireFilter = (name: string, owner: string, now: Date): Filter<LeaseDocument> => ({
  _id: name,
  $or: [{ owner }, { expiresAt: { $lt: now } }],
});

/** Matches the lease only while it is still ours (another owner overwrites `owner` when it takes over). */
export const ownedFilter = (name: string, owner: string): Filter<LeaseDocument> => ({
  _id: name,
  owner,
});

/** Makes `owner` the holder until `now + ttlMs`; an acquisition also sets its token. */
export const holdUpdate = (
  owner: string,
  now: Date,
  ttlMs: number,
  token?: string,
): UpdateFilter<LeaseDocument> => ({
  $set: {
    owner,
    expiresAt: new Date(now.getTime() + ttlMs),
    renewedAt: now,
    ...(token !== undefined && { token }),
  },
});

const DUPLICATE_KEY_CODES: ReadonlySet<number> = new Set([11000, 11001]);

/**
 * The upsert of an acquire fails with a duplicate key when the lease document exists but did not
 * match the filter: another owner holds it and it has not expired (or two acquirers raced to
 * create it and the other one won).
 */
export const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  DUPLICATE_KEY_CODES.has(Number(Reflect.get(error, 'code')));
