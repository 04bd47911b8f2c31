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

/** Values per `$in` query: far below SQLite's bound on parameters, and a modest MongoDB filter. */
export const IN_QUERY_VALUES = 500;

/** `values` without repeats, in slices of at most `IN_QUERY_VALUES`. */
export const inSlices = (values: readonly string[]): string[][] => {
  const unique = [...new Set(values)];
  const slices: string[][] = [];
  for (let start = 0; start < unique.length; start += IN_QUERY_VALUES) {
    slices.push(unique.slice(start, start + IN_QUERY_VALUES));
  }
  return slices;
};

/** A condition on `field`: the one value itself, or `$in` of several. */
export const anyOf = (slice: readonly string[]): string | { $in: string[] } =>
  slice.length === 1 ? slice[0] : { $in: [...slice] };

/**
 * The tenant's documents whose `field` equals any of `values`, each document once. Without a
 * limit it takes one `$in` query per slice of values (the store's `[tenantId, field]` index
 * answers it); with `skip` or `limit` in `options`, one query per value, as those apply to each
 * value's matches (the first task of each record, say). `tenantId` and `field` always win over
 * the same keys in `filter`.
 */
export const findForEach = async <T extends TenantDocument>(
  collection: DocumentCollection<T>,
  tenantId: string,
  field: string,
  values: readonly string[],
  filter: Filter = {},
  options: FindOptions = {},
): Promise<T[]> => {
  const perValue = options.limit !== undefined || options.skip !== undefined;
  const conditions = perValue ? [...new Set(values)] : inSlices(values).map(anyOf);
  const answers = await Promise.all(
    conditions.map((condition) =>
      collection.find({ ...filter, tenantId, [field]: condition }, options),
    ),
  );
  const byId = new Map<string, T>();
  for (const document of answers.flat()) {
    if (document.tenantId === tenantId) byId.set(document._id, document);
  }
  return [...byId.values()];
};
