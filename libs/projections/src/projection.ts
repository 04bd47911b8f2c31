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
};

export const documentIdFor = (tenantId: string, key: string): string => `${tenantId}:${key}`;

/** Widens a typed projection for the runner, which treats every document alike. */
export const anyProjection = <D extends Document>(projection: Projection<D>): Projection =>
  projection as unknown as Projection;
