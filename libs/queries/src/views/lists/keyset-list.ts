import { Document, DocumentCollection, Filter } from '@crm/read-store';
import { ListPage, pageOf, PageRequest } from '../list-page';
import { decodeListCursor, encodeListCursor, ListCursor, SortValue } from './list-cursor';

/** A list's order: one field that every document has, then the record id to break ties. */
export type ListOrder<D extends Document> = {
  field: keyof D & string;
  direction: 1 | -1;
  idField: keyof D & string;
};

export type ListRequest = PageRequest & { cursor?: string };

/** A page of a list; `nextCursor` continues after its last item while there are more. */
export type KeysetPage<T> = ListPage<T> & { nextCursor?: string };

export class InvalidListCursorError extends Error {
  constructor() {
    super('cursor is not one this list gave out');
  }
}

/** The documents strictly after the cursor's item in the list's order. */
const afterCursor = <D extends Document>(order: ListOrder<D>, cursor: ListCursor): Filter => ({
  $or: [
    { [order.field]: { [order.direction === 1 ? '$gt' : '$lt']: cursor.value } },
    { [order.field]: cursor.value, [order.idField]: { $gt: cursor.id } },
  ],
});

/** `filter` and `condition` both: kept apart so a filter's own `$or` is not replaced. */
const both = (filter: Filter, condition: Filter): Filter => ({
  ...filter,
  $and: [...(Array.isArray(filter.$and) ? (filter.$and as Filter[]) : []), condition],
});

const cursorAfter = <D extends Document>(order: ListOrder<D>, last: D): string =>
  encodeListCursor({
    value: last[order.field] as SortValue,
    id: String(last[order.idField]),
  });

/**
 * One page of the tenant's documents that match `filter`, in `order`: from the cursor when one
 * is given (keyset paging, stable under concurrent writes), else from `offset`. `total` counts
 * every match, whatever the page.
 */
export const keysetList = async <D extends Document, V>(
  collection: DocumentCollection<D>,
  spec: { tenantId: string; filter: Filter; order: ListOrder<D>; view: (document: D) => V },
  request: ListRequest,
): Promise<KeysetPage<V>> => {
  const { limit, offset } = pageOf(request);
  const cursor = request.cursor === undefined ? undefined : decodeListCursor(request.cursor);
  if (request.cursor !== undefined && cursor === undefined) throw new InvalidListCursorError();
  const filter: Filter = { ...spec.filter, tenantId: spec.tenantId };
  const { field, direction, idField } = spec.order;
  const [found, total] = await Promise.all([
    collection.find(cursor === undefined ? filter : both(filter, afterCursor(spec.order, cursor)), {
      sort: { [field]: direction, [idField]: 1 },
      skip: cursor === undefined ? offset : 0,
      limit: limit + 1,
    }),
    collection.count(filter),
  ]);
  const documents = found.filter((document) => document.tenantId === spec.tenantId);
  const page = documents.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(spec.view),
    total,
    limit,
    offset: cursor === undefined ? offset : 0,
    ...(documents.length > limit &&
      last !== undefined && { nextCursor: cursorAfter(spec.order, last) }),
  };
};

/** Both directions of each sort field: `field` ascending and `-field` descending. */
export const ordersOn = <D extends Document, F extends keyof D & string>(
  idField: keyof D & string,
  fields: readonly F[],
): Record<F | `-${F}`, ListOrder<D>> =>
  Object.fromEntries(
    fields.flatMap((field): [string, ListOrder<D>][] => [
      [field, { field, direction: 1, idField }],
      [`-${field}`, { field, direction: -1, idField }],
    ]),
  ) as Record<F | `-${F}`, ListOrder<D>>;

/** The filter with the fields whose condition is undefined left out. */
export const definedConditions = (conditions: Record<string, unknown>): Filter =>
  Object.fromEntries(Object.entries(conditions).filter(([, condition]) => condition !== undefined));

/** A range filter on one field from optional bounds (both inclusive); undefined without any. */
export const rangeOf = <T extends SortValue>(from?: T, to?: T): Filter | undefined =>
  from === undefined && to === undefined
    ? undefined
    : { ...(from !== undefined && { $gte: from }), ...(to !== undefined && { $lte: to }) };
