import { customFieldValue, findTag, isFull, limitDetails, sameValue } from '../shared';
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
      const account = assertActive(state, accountId);
      if (ownerId === null) {
        if (account.ownerId === undefined) return [];
        return [
          {
            type: 'AccountOwnerUnassigned',
            data: { accountId, previousOwnerId: account.ownerId },
          },
        ];
      }
      if (account.ownerId === ownerId) return [];
      return [
        {
          type: 'AccountOwnerAssigned',
          data: {
            accountId,
            ownerId,
            ...(account.ownerId !== undefined ? { previousOwnerId: account.ownerId } : {}),
          },
        },
      ];
    }
    case 'TagAccount': {
      const account = assertActive(state, command.data.accountId);
      if (findTag(account.tags, command.data.tag) !== undefined) return [];
      if (isFull(account.tags.length, 'tags')) {
        throw accountErrors.rule(
          'ACCOUNT_TAGS_TOO_MANY',
          `account ${account.accountId} already has the most tags an account may have`,
          limitDetails('tags', 'tags', account.tags.length),
        );
      }
      return [{ type: 'AccountTagged', data: { ...command.data, tag: command.data.tag.trim() } }];
    }
    case 'UntagAccount': {
      const account = assertActive(state, command.data.accountId);
      const tag = findTag(account.tags, command.data.tag);
      if (tag === undefined) return [];
      return [{ type: 'AccountUntagged', data: { ...command.data, tag } }];
    }
    case 'SetAccountCustomField': {
      const account = assertActive(state, command.data.accountId);
      if (customFieldValue(account.customFields, command.data.key) === command.data.value)
        return [];
      const fieldCount = Object.keys(account.customFields).length;
      if (
        !Object.hasOwn(account.customFields, command.data.key) &&
        isFull(fieldCount, 'customFields')
      ) {
        throw accountErrors.rule(
          'ACCOUNT_CUSTOM_FIELDS_TOO_MANY',
          `account ${account.accountId} already has the most custom fields an account may have`,
          limitDetails('customFields', 'customFields', fieldCount),
        );
      }
      return [{ type: 'AccountCustomFieldSet', data: { ...command.data } }];
    }
    case 'ArchiveAccount':
      assertActive(state, command.data.accountId);
      return [{ type: 'AccountArchived', data: { ...command.data, archivedAt: now } }];
  }
};
