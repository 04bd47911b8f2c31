import { AccountSize, Address, CustomFieldValue, IsoDateTime } from '@crm/domain';

/** One account, as account views and account lists read it. */
export type AccountDocument = {
  _id: string;
  tenantId: string;
  accountId: string;
  name: string;
  /** `name` trimmed and lower-cased, for search. */
  searchName: string;
  domain?: string;
  industry?: string;
  size?: AccountSize;
  address?: Address;
  ownerId?: string;
  tags: string[];
  customFields: Record<string, CustomFieldValue>;
  status: 'active' | 'archived';
  archivedAt?: IsoDateTime;
  archiveReason?: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** Search terms (`search-terms.ts`): a store field, never in an answer. */
  _search?: string[];
};
