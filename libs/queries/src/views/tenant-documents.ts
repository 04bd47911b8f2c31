import { documentIdFor } from '@crm/projections';
import { Document, DocumentCollection, Filter, FindOptions } from '@crm/read-store';

/** A read-model document of one tenant. */
export type TenantDocument = Document & { tenantId: string };

/** The document of one record, only if it belongs to the tenant. */
export const ownDocument = async <T extends TenantDocument>(
  collection: DocumentCollection<T>,
  tenantId: string,
  recordId: string,
): Promise<T | undefined> => {
  const document = await collection.get(documentIdFor(tenantId, recordId));
  return document !== undefined && document.tenantId === tenantId ? document : undefined;
};

/** The documents of the records that exist among `recordIds` (and belong to the tenant), by record id. */
export const ownDocuments = async <T extends TenantDocument>(
  collection: DocumentCollection<T>,
  tenantId: string,
  recordIds: readonly string[],
): Promise<Map<string, T>> => {
  const unique = [...new Set(recordIds)];
  const found = await collection.getMany(unique.map((id) => documentIdFor(tenantId, id)));
  const byRecord = new Map<string, T>();
  for (const recordId of unique) {
    const document = found.get(documentIdFor(tenantId, recordId));
    if (document !== undefined && document.tenantId === tenantId) byRecord.set(recordId, document);
  }
  return byRecord;
};

/**
 * The tenant's documents whose `field` equals any of `values`: one equality query per value (so
 * every store can use its `[tenantId, field]` index), each document once. `tenantId` and `field`
 * always win over the same keys in `filter`.
 */
export const findForEach = async <T extends TenantDocument>(
  collection: DocumentCollection<T>,
  tenantId: string,
  field: string,
  values: readonly string[],
  filter: Filter = {},
  options: FindOptions = {},
): Promise<T[]> => {
  const answers = await Promise.all(
    [...new Set(values)].map((value) =>
      collection.find({ ...filter, tenantId, [field]: value }, options),
    ),
  );
  const byId = new Map<string, T>();
  for (const document of answers.flat()) {
    if (document.tenantId === tenantId) byId.set(document._id, document);
  }
  return [...byId.values()];
};
