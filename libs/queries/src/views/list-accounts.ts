import { AccountDocument } from '@crm/projections';
import { Filter } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { containsText, ListPage, PageRequest, pageOf, searchFilter } from './list-page';
import { readCollections } from './read-model-collections';
import { View, viewOf } from './view-json';

export type AccountListFilter = PageRequest & {
  /** Words (or their beginnings) of the name or the domain, all of them. */
  q?: string;
  /** Case-insensitive "contains" on the name. */
  name?: string;
  tag?: string;
  ownerId?: string;
  /** Both active and archived accounts unless asked. */
  status?: AccountDocument['status'];
};

/** The tenant's accounts matching every filter given, by name then id, one page at a time. */
export const listAccounts = async (
  readModels: ReadModels,
  tenantId: string,
  request: AccountListFilter = {},
): Promise<ListPage<View<AccountDocument>>> => {
  const { limit, offset } = pageOf(request);
  const filter: Filter = {
    ...(request.tag !== undefined && { tags: request.tag }),
    ...(request.ownerId !== undefined && { ownerId: request.ownerId }),
    ...(request.status !== undefined && { status: request.status }),
    ...(request.name !== undefined && { searchName: containsText(request.name) }),
    ...(request.q !== undefined && searchFilter(request.q)),
    tenantId,
  };
  const accounts = await readCollections(readModels).accounts();
  const [documents, total] = await Promise.all([
    accounts.find(filter, { sort: { searchName: 1, accountId: 1 }, skip: offset, limit }),
    accounts.count(filter),
  ]);
  return {
    items: documents.filter((document) => document.tenantId === tenantId).map(viewOf),
    total,
    limit,
    offset,
  };
};
