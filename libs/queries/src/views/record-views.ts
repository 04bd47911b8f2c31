import { AggregateKind } from '@crm/domain';
import { recordProjections } from '@crm/projections';
import { Document } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { ReadScope } from './read-scope';
import { ownDocument, TenantDocument } from './tenant-documents';
import { View, viewOf } from './view-json';

/** One record's read-model document, as it is now or as it was at a past moment. */
export type RecordView = View<Document>;

/**
 * One record's document by kind and id: the live one from its read model, or (`asOf`) the
 * version of it that was valid then, from the history the read model keeps. Either is checked
 * against the caller's row rules as it was: a record outside them reads as absent.
 */
export class RecordViews {
  constructor(private readonly readModels: ReadModels) {}

  /** The same views as the caller of `scope` may see them: a record outside it reads as absent. */
  within(scope: ReadScope): RecordViews {
    return new RecordViews(this.readModels.within(scope));
  }

  /** The record's document, now or at `asOf`; undefined when it does not (or did not yet) exist. */
  async get(
    kind: AggregateKind,
    tenantId: string,
    recordId: string,
    asOf?: Date,
  ): Promise<RecordView | undefined> {
    const readModels = asOf === undefined ? this.readModels : this.readModels.asOf(asOf);
    const collection = await readModels.collection<TenantDocument>(recordProjections[kind].name);
    const document = await ownDocument(collection, tenantId, recordId);
    return document === undefined ? undefined : viewOf(document);
  }
}
