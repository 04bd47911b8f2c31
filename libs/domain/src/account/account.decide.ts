import {
  changesCustomField,
  ownerChange,
  RecordNaming,
  sameValue,
  tagToAdd,
  tagToRemove,
} from '../shared';
import { accountErrors } from './account.errors';
import { AccountCommand, UpdateAccountProfile } from './account.commands';
import { AccountEvent } from './account.events';
import { AccountState } from './account.state';

type ExistingAccount = Extract<AccountState, { exists: true }>;
type AccountProfile = Omit<UpdateAccountProfile['data'], 'accountId'>;

const PROFILE_FIELDS = [
  'name',
  'domain',
  'industry',
  'size',
  'address',
] as const satisfies readonly (keyof AccountProfile)[];

const assertActive = (state: AccountState, accountId: string): ExistingAccount => {
  if (!state.exists) throw accountErrors.notFound(accountId);
  if (state.status === 'archived') {
    throw accountErrors.rule('ACCOUNT_ARCHIVED', `account ${accountId} is archived`, {
      accountId,
      status: state.status,
    });
  }
  return state;
};

const naming = (accountId: string): RecordNaming => ({
  record: `account ${accountId}`,
  aKind: 'an account',
});

/** The requested profile fields whose value differs from the account's current one. */
const changedProfile = (account: ExistingAccount, requested: AccountProfile): AccountProfile => {
  const changes: AccountProfile = {};
  const consider = <K extends keyof AccountProfile>(field: K): void => {
    const value = requested[field];
    if (value === undefined) return;
    if (value === null ? account[field] !== undefined : !sameValue(value, account[field]))
      changes[field] = value;
  };
  PROFILE_FIELDS.forEach(consider);
  return changes;
};

export const decideAccount = (command: AccountCommand, state: AccountState): AccountEvent[] => {
  const now = command.metadata.now.toISOString();
  switch (command.type) {
    case 'RegisterAccount':
      if (state.exists) throw accountErrors.alreadyExists(command.data.accountId);
      return [{ type: 'AccountRegistered', data: { ...command.data } }];
    case 'UpdateAccountProfile': {
      const { accountId, ...requested } = command.data;
      const changes = changedProfile(assertActive(state, accountId), requested);
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'AccountProfileUpdated', data: { accountId, ...changes } }];
    }
    case 'AssignAccountOwner': {
      const { accountId, ownerId } = command.data;
      const change = ownerChange(assertActive(state, accountId).ownerId, ownerId);
      if (change === undefined) return [];
      if (change.unassigned) {
        const { previousOwnerId } = change;
        return [{ type: 'AccountOwnerUnassigned', data: { accountId, previousOwnerId } }];
      }
      const { unassigned: _unassigned, ...assigned } = change;
      return [{ type: 'AccountOwnerAssigned', data: { accountId, ...assigned } }];
    }
    case 'TagAccount': {
      const account = assertActive(state, command.data.accountId);
      const tag = tagToAdd(
        account.tags,
        command.data.tag,
        naming(command.data.accountId),
        (message, details) => accountErrors.rule('ACCOUNT_TAGS_TOO_MANY', message, details),
      );
      return tag === undefined ? [] : [{ type: 'AccountTagged', data: { ...command.data, tag } }];
    }
    case 'UntagAccount': {
      const account = assertActive(state, command.data.accountId);
      const tag = tagToRemove(account.tags, command.data.tag);
      return tag === undefined ? [] : [{ type: 'AccountUntagged', data: { ...command.data, tag } }];
    }
    case 'SetAccountCustomField': {
      const { accountId, key, value } = command.data;
      const { customFields } = assertActive(state, accountId);
      const changes = changesCustomField(
        customFields,
        key,
        value,
        naming(accountId),
        (message, details) =>
          accountErrors.rule('ACCOUNT_CUSTOM_FIELDS_TOO_MANY', message, details),
      );
      return changes ? [{ type: 'AccountCustomFieldSet', data: { ...command.data } }] : [];
    }
    case 'ArchiveAccount':
      assertActive(state, command.data.accountId);
      return [{ type: 'AccountArchived', data: { ...command.data, archivedAt: now } }];
  }
};
