import { AggregateKind } from '@crm/domain';
import { EventSerializer, EventStore } from '@crm/event-store';
import { recordProjections } from '@crm/projections';
import { Document } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { recordAsOf } from '../time-travel';
import { ReadScope, scopeAllows } from './read-scope';
import { ownDocument, TenantDocument } from './tenant-documents';
import { View, viewOf } from './view-json';

/** Names a record's stream (the application's `streamNameFor`). */
export type StreamNameFor = (kind: AggregateKind, tenantId: string, recordId: string) => string;

/** One record's read-model document, as it is now or as it was at a past moment. */
export type RecordView = View<Document>;

/**
 * One record's document by kind and id: the live one from its read model, or (`asOf`) the one
 * its own stream folds to up to that moment. Takes the event store, serializer and stream naming
 * as arguments so this library stays below the application layer.
 */
export class RecordViews {
  constructor(
    private readonly readModels: ReadModels,
    private readonly events: EventStore,
    private readonly serializer: EventSerializer,
    private readonly streamNameFor: StreamNameFor,
  ) {}

  /** The same views as the caller of `scope` may see them: a record outside it reads as absent. */
  within(scope: ReadScope): RecordViews {
    return new RecordViews(
      this.readModels.within(scope),
      this.events,
      this.serializer,
      this.streamNameFor,
    );
  }

  /** The record's document, now or at `asOf`; undefined when it does not (or did not yet) exist. */
  get(
    kind: AggregateKind,
    tenantId: string,
    recordId: string,
    asOf?: Date,
  ): Promise<RecordView | undefined> {
    return asOf === undefined
      ? this.current(kind, tenantId, recordId)
      : this.asOf(kind, tenantId, recordId, asOf);
  }

  async current(
    kind: AggregateKind,
    tenantId: string,
    recordId: string,
  ): Promise<RecordView | undefined> {
    const collection = await this.readModels.collection<TenantDocument>(
      recordProjections[kind].name,
    );
    const document = await ownDocument(collection, tenantId, recordId);
    return document === undefined ? undefined : viewOf(document);
  }

  async asOf(
    kind: AggregateKind,
    tenantId: string,
    recordId: string,
    asOf: Date,
  ): Promise<RecordView | undefined> {
    const document = await recordAsOf(
      this.events,
      this.serializer,
      this.streamNameFor(kind, tenantId, recordId),
      kind,
      tenantId,
      recordId,
      asOf,
    );
    // As it was then, by the rule on the record as it was then.
    return document === undefined ||
      document.tenantId !== tenantId ||
      !scopeAllows(this.readModels.scope, kind, document)
      ? undefined
      : viewOf(document);
  }
}
