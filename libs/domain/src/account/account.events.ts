import { Address, CustomFieldValue, DomainEvent, IsoDateTime } from '../shared';
import { AccountSize } from './account.commands';

export type AccountRegistered = DomainEvent<
  'AccountRegistered',
  {
    accountId: string;
    name: string;
    domain?: string;
    industry?: string;
    size?: AccountSize;
    address?: Address;
    ownerId?: string;
  }
>;
/** Carries only the fields whose value changed. */
export type AccountProfileUpdated = DomainEvent<
  'AccountProfileUpdated',
  {
    accountId: string;
    name?: string;
    /** `null`: the field was cleared. */
    domain?: string | null;
    industry?: string | null;
    size?: AccountSize | null;
    address?: Address | null;
  }
>;
export type AccountOwnerAssigned = DomainEvent<
  'AccountOwnerAssigned',
  { accountId: string; ownerId: string; previousOwnerId?: string }
>;
/** The account's owner was cleared: nobody owns it now. */
export type AccountOwnerUnassigned = DomainEvent<
  'AccountOwnerUnassigned',
  { accountId: string; previousOwnerId: string }
>;
export type AccountTagged = DomainEvent<'AccountTagged', { accountId: string; tag: string }>;
export type AccountUntagged = DomainEvent<'AccountUntagged', { accountId: string; tag: string }>;
export type AccountCustomFieldSet = DomainEvent<
  'AccountCustomFieldSet',
  { accountId: string; key: string; value: CustomFieldValue }
>;
export type AccountArchived = DomainEvent<
  'AccountArchived',
  { accountId: string; archivedAt: IsoDateTime; reason?: string }
>;

export type AccountEvent =
  | AccountRegistered
  | AccountProfileUpdated
  | AccountOwnerAssigned
  | AccountOwnerUnassigned
  | AccountTagged
  | AccountUntagged
  | AccountCustomFieldSet
  | AccountArchived;
