/**
 * The document-store port: where projections keep read models. Shaped after MongoDB so its
 * adapter is a thin mapping; the embedded adapter keeps the same semantics without a server.
 */

/** Every read-model document has a string `_id`; the rest is plain JSON. */
export type Document = { _id: string } & { [key: string]: unknown };

/** A MongoDB-style query filter (`{ tenantId: 'acme', amount: { $gte: 100 } }`). */
export type Filter = Record<string, unknown>;

export type SortSpec = Record<string, 1 | -1>;

/** Inclusion (`{ name: 1 }`) or exclusion (`{ history: 0 }`) of fields. */
export type ProjectionSpec = Record<string, 0 | 1>;

export type FindOptions = {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: ProjectionSpec;
};

/** An index a projection declares: the fields, in order, that queries filter on by equality. */
export type IndexSpec = { fields: string[]; name?: string };

/**
 * Top-level fields and their new values for a `set` write: each key a field name (no `.`, `"`,
 * leading `$`, nor `_id`), each value plain JSON (not undefined).
 */
export type DocumentFields = Record<string, unknown>;

/**
 * `set` changes only the given top-level fields of a stored document, as MongoDB's `$set` does,
 * so a large document is not written again whole to change one field; a document that is not
 * stored stays absent. Like an upsert it carries `_position` in its fields where a store guards
 * writes by position.
 */
export type DocumentWrite =
  | { collection: string; op: 'upsert'; document: Document }
  | { collection: string; op: 'set'; id: string; fields: DocumentFields }
  | { collection: string; op: 'delete'; id: string };

/**
 * One atomic unit of projection work: documents and the checkpoints of the projections that
 * produced them. Where the store allows it, all of it commits or none of it does; otherwise every
 * document carries `position` and an older write never replaces a newer one.
 */
export type WriteBatch = {
  writes: DocumentWrite[];
  checkpoints: { name: string; position: bigint }[];
  /** Global position of the last event applied in this batch (for the position guard). */
  position: bigint;
  /**
   * The leases the writer must still hold for the batch to commit. A store that keeps leases
   * (MongoDB's `_leases`) refuses the whole batch with LeaseLostError when one of them now has
   * another owner or token; stores whose leases live elsewhere ignore it.
   */
  fences?: readonly CommitFence[];
};

/** One lease as its holder acquired it: `token` is new at every acquisition. */
export type CommitFence = { lease: string; owner: string; token: string };

/** A commit refused because the writer no longer holds a lease it was fenced by: nothing was written. */
export class LeaseLostError extends Error {
  constructor(readonly fence: CommitFence) {
    super(
      `Commit refused: lease ${fence.lease} is no longer held by ${fence.owner} (token ${fence.token})`,
    );
    this.name = 'LeaseLostError';
  }
}

export interface DocumentCollection<T extends Document = Document> {
  get(id: string): Promise<T | undefined>;
  /** The documents that exist among `ids`, keyed by id. */
  getMany(ids: readonly string[]): Promise<Map<string, T>>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
}

export interface DocumentStore {
  collection<T extends Document = Document>(name: string): DocumentCollection<T>;
  ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void>;
  commit(batch: WriteBatch): Promise<void>;
  /** Last position a projection fully applied; undefined when it never ran. */
  checkpoint(name: string): Promise<bigint | undefined>;
  /** Removes a collection and its indexes (used to discard an old generation). */
  dropCollection(name: string): Promise<void>;
  /**
   * Named pointers from a logical name to a physical collection, switched atomically: a rebuild
   * fills `contacts@g2` and then points `contacts` at it.
   */
  activeGeneration(logicalName: string): Promise<string | undefined>;
  switchGeneration(logicalName: string, physicalName: string): Promise<void>;
  close(): Promise<void>;
}
