import { DomainEvent } from '@crm/domain';
import { StoredEvent } from '@crm/event-store';
import { Document, IndexSpec } from '@crm/read-store';

/** An event as projections see it: the domain event with its metadata and log position. */
export type ProjectedEvent<E extends DomainEvent = DomainEvent> = StoredEvent<E>;

/**
 * A projection is pure: which documents an event touches, and how each document evolves.
 * The runner owns everything else: batching, loading, writing, checkpoints and rebuilds.
 *
 * Document ids are `<tenantId>:<key>` so tenants never share a document.
 */
export type Projection<D extends Document = Document> = {
  /** Logical collection name and checkpoint name; bump `version` to have it rebuilt. */
  name: string;
  version: number;
  indexes: IndexSpec[];
  /**
   * Keep every version of every document (`<generation>.history`), so queries can read the
   * documents as they were at any moment (`ReadModels.asOf`) without replaying the log.
   */
  history?: boolean;
  /** The event types (bare names, `ContactCreated`) this projection reads. */
  handles: ReadonlySet<string>;
  /** Ids of the documents this event changes (none, one or many). */
  documentIds(event: ProjectedEvent): string[];
  /**
   * The document after the event. `current` is undefined when it does not exist yet;
   * returning null deletes it, returning `current` unchanged writes nothing.
   */
  evolve(current: D | undefined, event: ProjectedEvent, documentId: string): D | null | undefined;
  /**
   * Aggregate rows a document adds to (a report's or a board's figures). When a document changes,
   * the runner takes back what its previous version added and adds what the new one adds, so a
   * query reads the rows of its answer instead of every record. Rows live in the projection's
   * collection beside the documents; they are never deleted, a row nothing adds to anymore
   * keeps zero counters.
   */
  rowsOf?(document: D): RowContribution[];
};

/** What one document adds to one aggregate row: `counters` are summed exactly (bigint). */
export type RowContribution = {
  /** `<tenantId>:~<key>`, see `rowIdFor`. */
  id: string;
  /** The row's dimensions (tenant, kind, period, owner, ...), identical for every contributor. */
  keys: Record<string, string | number>;
  counters: Record<string, bigint>;
};

/** A row id, never equal to a record's document id (`<tenantId>:<key>` with no `~`). */
export const rowIdFor = (tenantId: string, ...parts: (string | number)[]): string =>
  `${tenantId}:~${JSON.stringify(parts)}`;

/** A row document as stored: its keys, `counters` as decimal strings (exact beyond 2^53). */
export type RowDocument = {
  _id: string;
  counters: Record<string, string>;
} & Record<string, unknown>;

export const documentIdFor = (tenantId: string, key: string): string => `${tenantId}:${key}`;

/** Widens a typed projection for the runner, which treats every document alike. */
export const anyProjection = <D extends Document>(projection: Projection<D>): Projection =>
  projection as unknown as Projection;
