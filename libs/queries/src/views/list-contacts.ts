import { ContactDocument } from '@crm/projections';
import { Filter } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { containsText, ListPage, PageRequest, pageOf, searchFilter } from './list-page';
import { readCollections } from './read-model-collections';
import { View, viewOf } from './view-json';

export type ContactListFilter = PageRequest & {
  /** Words (or their beginnings) of the name, an email address or a phone number, all of them. */
  q?: string;
  /** Case-insensitive "contains" on the full name. */
  name?: string;
  /** Exact address, case-insensitive. */
  email?: string;
  tag?: string;
  ownerId?: string;
  accountId?: string;
  /** `active` unless asked: merged contacts live on in their survivor. */
  status?: ContactDocument['status'];
};

/** The tenant's contacts matching every filter given, by name then id, one page at a time. */
export const listContacts = async (
  readModels: ReadModels,
  tenantId: string,
  request: ContactListFilter = {},
): Promise<ListPage<View<ContactDocument>>> => {
  const { limit, offset } = pageOf(request);
  const filter: Filter = {
    ...(request.email !== undefined && { emailsLower: request.email.trim().toLowerCase() }),
    ...(request.tag !== undefined && { tags: request.tag }),
    ...(request.ownerId !== undefined && { ownerId: request.ownerId }),
    ...(request.accountId !== undefined && { accountId: request.accountId }),
    ...(request.name !== undefined && { searchName: containsText(request.name) }),
    ...(request.q !== undefined && searchFilter(request.q)),
    status: request.status ?? 'active',
    tenantId,
  };
  const contacts = await readCollections(readModels).contacts();
  const [documents, total] = await Promise.all([
    contacts.find(filter, { sort: { searchName: 1, contactId: 1 }, skip: offset, limit }),
    contacts.count(filter),
  ]);
  return {
    items: documents.filter((document) => document.tenantId === tenantId).map(viewOf),
    total,
    limit,
    offset,
  };
};
