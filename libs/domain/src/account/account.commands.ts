import { Address, Command, CustomFieldValue } from '../shared';

/** Head-count brackets an account can be filed under. */
export const ACCOUNT_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;
export type AccountSize = (typeof ACCOUNT_SIZES)[number];

export type RegisterAccount = Command<
  'RegisterAccount',
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
/** Fields left out (undefined) are not touched. */
export type UpdateAccountProfile = Command<
  'UpdateAccountProfile',
  {
    accountId: string;
    name?: string;
    /** `null` clears the field; left out, it stays as it is. */
    domain?: string | null;
    industry?: string | null;
    size?: AccountSize | null;
    address?: Address | null;
  }
>;
/** `ownerId: null` clears the owner. */
export type AssignAccountOwner = Command<
  'AssignAccountOwner',
  { accountId: string; ownerId: string | null }
>;
export type TagAccount = Command<'TagAccount', { accountId: string; tag: string }>;
export type UntagAccount = Command<'UntagAccount', { accountId: string; tag: string }>;
export type SetAccountCustomField = Command<
  'SetAccountCustomField',
  { accountId: string; key: string; value: CustomFieldValue }
>;
export type ArchiveAccount = Command<'ArchiveAccount', { accountId: string; reason?: string }>;

export type AccountCommand =
  | RegisterAccount
  | UpdateAccountProfile
  | AssignAccountOwner
  | TagAccount
  | UntagAccount
  | SetAccountCustomField
  | ArchiveAccount;
