import { SEARCH_FIELD, withSearchTerms } from '../search-terms';
import { AccountEvent, withClearedFieldsRemoved } from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import { AccountDocument } from './accounts.document';

type AccountEventType = AccountEvent['type'];
type On<T extends AccountEventType> = ProjectedEvent<Extract<AccountEvent, { type: T }>>;

/** Keyed by every member of the union, so a new account event type fails to compile until listed. */
const HANDLED: Record<AccountEventType, true> = {
  AccountRegistered: true,
  AccountProfileUpdated: true,
  AccountOwnerAssigned: true,
  AccountOwnerUnassigned: true,
  AccountTagged: true,
  AccountUntagged: true,
  AccountCustomFieldSet: true,
  AccountArchived: true,
};
const handles: ReadonlySet<string> = new Set(Object.keys(HANDLED));

const isAccountEvent = (event: ProjectedEvent): event is ProjectedEvent<AccountEvent> =>
  handles.has(event.type);

const searchNameOf = (name: string): string => name.trim().toLowerCase();

const registered = (event: On<'AccountRegistered'>, documentId: string): AccountDocument => {
  const { data } = event;
  const at = event.metadata.recordedAt;
  return {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    accountId: data.accountId,
    name: data.name,
    searchName: searchNameOf(data.name),
    ...(data.domain !== undefined && { domain: data.domain }),
    ...(data.industry !== undefined && { industry: data.industry }),
    ...(data.size !== undefined && { size: data.size }),
    ...(data.address !== undefined && { address: { ...data.address } }),
    ...(data.ownerId !== undefined && { ownerId: data.ownerId }),
    tags: [],
    customFields: {},
    status: 'active',
    createdAt: at,
    updatedAt: at,
  };
};

const profileUpdated = (
  account: AccountDocument,
  event: On<'AccountProfileUpdated'>,
): AccountDocument => {
  const { data } = event;
  // `null` clears a field: it leaves the document.
  return withClearedFieldsRemoved({
    ...account,
    ...(data.name !== undefined && { name: data.name, searchName: searchNameOf(data.name) }),
    ...(data.domain !== undefined && { domain: data.domain }),
    ...(data.industry !== undefined && { industry: data.industry }),
    ...(data.size !== undefined && { size: data.size }),
    ...(data.address !== undefined && { address: data.address && { ...data.address } }),
    updatedAt: event.metadata.recordedAt,
  });
};

const evolveAccount = (
  current: AccountDocument | undefined,
  event: ProjectedEvent<AccountEvent>,
  documentId: string,
): AccountDocument | undefined => {
  if (event.type === 'AccountRegistered') return current ?? registered(event, documentId);
  // The log is history: an event for an account this projection never saw changes nothing.
  if (current === undefined) return current;
  const updatedAt = event.metadata.recordedAt;
  switch (event.type) {
    case 'AccountProfileUpdated':
      return profileUpdated(current, event);
    case 'AccountOwnerAssigned':
      return { ...current, ownerId: event.data.ownerId, updatedAt };
    case 'AccountOwnerUnassigned': {
      const { ownerId: _cleared, ...rest } = current;
      return { ...rest, updatedAt };
    }
    case 'AccountTagged':
      return current.tags.includes(event.data.tag)
        ? current
        : { ...current, tags: [...current.tags, event.data.tag], updatedAt };
    case 'AccountUntagged':
      return current.tags.includes(event.data.tag)
        ? { ...current, tags: current.tags.filter((tag) => tag !== event.data.tag), updatedAt }
        : current;
    case 'AccountCustomFieldSet':
      return {
        ...current,
        // A computed key defines an own property, so even `__proto__` stays a plain field.
        customFields: { ...current.customFields, [event.data.key]: event.data.value },
        updatedAt,
      };
    case 'AccountArchived': {
      const { archivedAt, reason } = event.data;
      return {
        ...current,
        status: 'archived',
        archivedAt,
        ...(reason !== undefined && { archiveReason: reason }),
        updatedAt: archivedAt,
      };
    }
  }
};

/** Accounts are found by name and domain. */
const searchTexts = (account: AccountDocument) => [account.name, account.domain];

export const accountsProjection: Projection<AccountDocument> = {
  name: 'accounts',
  version: 3,
  history: true,
  indexes: [
    { fields: ['tenantId', 'ownerId'] },
    { fields: ['tenantId', 'tags'] },
    { fields: ['tenantId', 'status'] },
    // Status after the search terms: a search within a status narrows by both in the index.
    { fields: ['tenantId', SEARCH_FIELD, 'status'] },
  ],
  handles,
  documentIds(event) {
    if (!isAccountEvent(event)) return [];
    const { accountId } = event.data;
    if (typeof accountId !== 'string' || accountId.length === 0) {
      throw new Error(`${event.type} event ${event.id} has no accountId`);
    }
    return [documentIdFor(event.metadata.tenantId, accountId)];
  },
  evolve(current, event, documentId) {
    if (!isAccountEvent(event)) return current;
    const next = evolveAccount(current, event, documentId);
    return next === undefined || next === current
      ? next
      : withSearchTerms(next, current, searchTexts);
  },
};
