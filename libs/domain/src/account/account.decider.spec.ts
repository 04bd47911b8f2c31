import { DeciderSpecification, SPEC_NOW } from '@crm/testing';
import { accountDecider } from './account.decider';
import { AccountEvent } from './account.events';

const accountId = 'account-1';
const registered: AccountEvent = {
  type: 'AccountRegistered',
  data: {
    accountId,
    name: 'Acme Corp',
    domain: 'acme.example',
    industry: 'Manufacturing',
    size: '51-200',
    address: { street: '1 Main St', city: 'Springfield', country: 'US' },
    ownerId: 'user-1',
  },
};
const registeredWithoutOwner: AccountEvent = {
  type: 'AccountRegistered',
  data: { accountId, name: 'Acme Corp' },
};
const archived: AccountEvent = {
  type: 'AccountArchived',
  data: { accountId, archivedAt: SPEC_NOW.toISOString(), reason: 'went out of business' },
};
const tagged: AccountEvent = { type: 'AccountTagged', data: { accountId, tag: 'vip' } };
const untagged: AccountEvent = { type: 'AccountUntagged', data: { accountId, tag: 'vip' } };
const spec = DeciderSpecification.for(accountDecider);

describe('Account decider', () => {
  describe('RegisterAccount', () => {
    it('registers a new account with its full profile', () =>
      spec
        .given([])
        .when({ type: 'RegisterAccount', data: { ...registered.data } })
        .then([registered]));

    it('registers a new account with a name only', () =>
      spec
        .given([])
        .when({ type: 'RegisterAccount', data: { accountId, name: 'Acme Corp' } })
        .then([registeredWithoutOwner]));

    it('refuses an account id that already exists', () =>
      spec
        .given([registered])
        .when({ type: 'RegisterAccount', data: { ...registered.data } })
        .thenThrows('ACCOUNT_ALREADY_EXISTS', 'already_exists'));

    it('refuses an account id already used by an archived account', () =>
      spec
        .given([registered, archived])
        .when({ type: 'RegisterAccount', data: { ...registered.data } })
        .thenThrows('ACCOUNT_ALREADY_EXISTS', 'already_exists'));
  });

  describe('UpdateAccountProfile', () => {
    it('clears a field sent as null, leaves the fields left out', () =>
      spec
        .given([registered])
        .when({ type: 'UpdateAccountProfile', data: { accountId, domain: null, address: null } })
        .then([
          { type: 'AccountProfileUpdated', data: { accountId, domain: null, address: null } },
        ]));

    it('does nothing when clearing a field that is already empty', () =>
      spec
        .given([registered, { type: 'AccountProfileUpdated', data: { accountId, industry: null } }])
        .when({ type: 'UpdateAccountProfile', data: { accountId, industry: null } })
        .thenNothingHappens());

    it('records only the fields that change', () =>
      spec
        .given([registered])
        .when({
          type: 'UpdateAccountProfile',
          data: {
            accountId,
            name: 'Acme Corporation',
            domain: 'acme.example',
            industry: 'Manufacturing',
            size: '201-1000',
          },
        })
        .then([
          {
            type: 'AccountProfileUpdated',
            data: { accountId, name: 'Acme Corporation', size: '201-1000' },
          },
        ]));

    it('sets fields the account did not have yet', () =>
      spec
        .given([registeredWithoutOwner])
        .when({
          type: 'UpdateAccountProfile',
          data: { accountId, domain: 'acme.example', address: { city: 'Springfield' } },
        })
        .then([
          {
            type: 'AccountProfileUpdated',
            data: { accountId, domain: 'acme.example', address: { city: 'Springfield' } },
          },
        ]));

    it('replaces the address when any part of it changes', () =>
      spec
        .given([registered])
        .when({
          type: 'UpdateAccountProfile',
          data: { accountId, address: { street: '2 Main St', city: 'Springfield', country: 'US' } },
        })
        .then([
          {
            type: 'AccountProfileUpdated',
            data: {
              accountId,
              address: { street: '2 Main St', city: 'Springfield', country: 'US' },
            },
          },
        ]));

    it('records nothing when every given field already holds that value', () =>
      spec
        .given([registered])
        .when({
          type: 'UpdateAccountProfile',
          data: {
            accountId,
            name: 'Acme Corp',
            size: '51-200',
            address: { country: 'US', city: 'Springfield', street: '1 Main St' },
          },
        })
        .thenNothingHappens());

    it('records nothing when no field is given', () =>
      spec
        .given([registered])
        .when({ type: 'UpdateAccountProfile', data: { accountId } })
        .thenNothingHappens());

    it('compares against the profile as already updated', () =>
      spec
        .given([
          registered,
          { type: 'AccountProfileUpdated', data: { accountId, name: 'Acme Corporation' } },
        ])
        .when({ type: 'UpdateAccountProfile', data: { accountId, name: 'Acme Corporation' } })
        .thenNothingHappens());

    it('refuses an unknown account', () =>
      spec
        .given([])
        .when({ type: 'UpdateAccountProfile', data: { accountId, name: 'Acme Corporation' } })
        .thenThrows('ACCOUNT_NOT_FOUND', 'not_found'));

    it('refuses an archived account', () =>
      spec
        .given([registered, archived])
        .when({ type: 'UpdateAccountProfile', data: { accountId, name: 'Acme Corporation' } })
        .thenThrows('ACCOUNT_ARCHIVED', 'rule'));
  });

  describe('AssignAccountOwner', () => {
    it('clears the owner with null, naming who owned it', () =>
      spec
        .given([registered])
        .when({ type: 'AssignAccountOwner', data: { accountId, ownerId: null } })
        .then([
          { type: 'AccountOwnerUnassigned', data: { accountId, previousOwnerId: 'user-1' } },
        ]));

    it('records nothing when an account without an owner is cleared', () =>
      spec
        .given([registeredWithoutOwner])
        .when({ type: 'AssignAccountOwner', data: { accountId, ownerId: null } })
        .thenNothingHappens());

    it('assigns a new owner and remembers the previous one', () =>
      spec
        .given([registered])
        .when({ type: 'AssignAccountOwner', data: { accountId, ownerId: 'user-2' } })
        .then([
          {
            type: 'AccountOwnerAssigned',
            data: { accountId, ownerId: 'user-2', previousOwnerId: 'user-1' },
          },
        ]));

    it('assigns a first owner without a previous one', () =>
      spec
        .given([registeredWithoutOwner])
        .when({ type: 'AssignAccountOwner', data: { accountId, ownerId: 'user-2' } })
        .then([{ type: 'AccountOwnerAssigned', data: { accountId, ownerId: 'user-2' } }]));

    it('records nothing when the owner does not change', () =>
      spec
        .given([registered])
        .when({ type: 'AssignAccountOwner', data: { accountId, ownerId: 'user-1' } })
        .thenNothingHappens());

    it('records nothing when the account was already reassigned to that owner', () =>
      spec
        .given([
          registered,
          {
            type: 'AccountOwnerAssigned',
            data: { accountId, ownerId: 'user-2', previousOwnerId: 'user-1' },
          },
        ])
        .when({ type: 'AssignAccountOwner', data: { accountId, ownerId: 'user-2' } })
        .thenNothingHappens());

    it('refuses an unknown account', () =>
      spec
        .given([])
        .when({ type: 'AssignAccountOwner', data: { accountId, ownerId: 'user-2' } })
        .thenThrows('ACCOUNT_NOT_FOUND', 'not_found'));

    it('refuses an archived account', () =>
      spec
        .given([registered, archived])
        .when({ type: 'AssignAccountOwner', data: { accountId, ownerId: 'user-2' } })
        .thenThrows('ACCOUNT_ARCHIVED', 'rule'));
  });

  describe('TagAccount', () => {
    it('refuses a tag past the limit, but not one the account carries', () => {
      const tags = Array.from({ length: 100 }, (_, i): AccountEvent => ({
        type: 'AccountTagged',
        data: { accountId, tag: `t${i}` },
      }));
      spec
        .given([registered, ...tags])
        .when({ type: 'TagAccount', data: { accountId, tag: 'one-more' } })
        .thenThrows('ACCOUNT_TAGS_TOO_MANY');
      spec
        .given([registered, ...tags])
        .when({ type: 'TagAccount', data: { accountId, tag: 'T5' } })
        .thenNothingHappens();
    });

    it('tags an account', () =>
      spec
        .given([registered])
        .when({ type: 'TagAccount', data: { accountId, tag: 'vip' } })
        .then([tagged]));

    it('records nothing when the account already has the tag', () =>
      spec
        .given([registered, tagged])
        .when({ type: 'TagAccount', data: { accountId, tag: 'vip' } })
        .thenNothingHappens());

    it('takes another spelling of a tag it has for the same tag', () =>
      spec
        .given([registered, tagged])
        .when({ type: 'TagAccount', data: { accountId, tag: ' VIP ' } })
        .thenNothingHappens());

    it('records a new tag trimmed', () =>
      spec
        .given([registered])
        .when({ type: 'TagAccount', data: { accountId, tag: ' vip ' } })
        .then([tagged]));

    it('tags again after the tag was removed', () =>
      spec
        .given([registered, tagged, untagged])
        .when({ type: 'TagAccount', data: { accountId, tag: 'vip' } })
        .then([tagged]));

    it('refuses an unknown account', () =>
      spec
        .given([])
        .when({ type: 'TagAccount', data: { accountId, tag: 'vip' } })
        .thenThrows('ACCOUNT_NOT_FOUND', 'not_found'));

    it('refuses an archived account', () =>
      spec
        .given([registered, archived])
        .when({ type: 'TagAccount', data: { accountId, tag: 'vip' } })
        .thenThrows('ACCOUNT_ARCHIVED', 'rule'));
  });

  describe('UntagAccount', () => {
    it('removes a tag the account has', () =>
      spec
        .given([registered, tagged])
        .when({ type: 'UntagAccount', data: { accountId, tag: 'vip' } })
        .then([untagged]));

    it('records nothing when the account does not have the tag', () =>
      spec
        .given([registered])
        .when({ type: 'UntagAccount', data: { accountId, tag: 'vip' } })
        .thenNothingHappens());

    it('records nothing when the tag was already removed', () =>
      spec
        .given([registered, tagged, untagged])
        .when({ type: 'UntagAccount', data: { accountId, tag: 'vip' } })
        .thenNothingHappens());

    it('removes the tag in its own spelling, whatever spelling is asked', () =>
      spec
        .given([registered, tagged])
        .when({ type: 'UntagAccount', data: { accountId, tag: ' VIP' } })
        .then([untagged]));

    it('does nothing for a tag it does not carry', () =>
      spec
        .given([registered, tagged])
        .when({ type: 'UntagAccount', data: { accountId, tag: 'vips' } })
        .thenNothingHappens());

    it('refuses an unknown account', () =>
      spec
        .given([])
        .when({ type: 'UntagAccount', data: { accountId, tag: 'vip' } })
        .thenThrows('ACCOUNT_NOT_FOUND', 'not_found'));

    it('refuses an archived account', () =>
      spec
        .given([registered, tagged, archived])
        .when({ type: 'UntagAccount', data: { accountId, tag: 'vip' } })
        .thenThrows('ACCOUNT_ARCHIVED', 'rule'));
  });

  describe('SetAccountCustomField', () => {
    const tierSet: AccountEvent = {
      type: 'AccountCustomFieldSet',
      data: { accountId, key: 'tier', value: 'gold' },
    };

    it('sets a custom field', () =>
      spec
        .given([registered])
        .when({ type: 'SetAccountCustomField', data: { accountId, key: 'tier', value: 'gold' } })
        .then([tierSet]));

    it('changes a custom field to another value', () =>
      spec
        .given([registered, tierSet])
        .when({
          type: 'SetAccountCustomField',
          data: { accountId, key: 'tier', value: 'platinum' },
        })
        .then([
          { type: 'AccountCustomFieldSet', data: { accountId, key: 'tier', value: 'platinum' } },
        ]));

    it('clears a custom field with null', () =>
      spec
        .given([registered, tierSet])
        .when({ type: 'SetAccountCustomField', data: { accountId, key: 'tier', value: null } })
        .then([{ type: 'AccountCustomFieldSet', data: { accountId, key: 'tier', value: null } }]));

    it('records nothing when the field already holds that value', () =>
      spec
        .given([registered, tierSet])
        .when({ type: 'SetAccountCustomField', data: { accountId, key: 'tier', value: 'gold' } })
        .thenNothingHappens());

    it('tells values of different types apart', () =>
      spec
        .given([
          registered,
          { type: 'AccountCustomFieldSet', data: { accountId, key: 'seats', value: 10 } },
        ])
        .when({ type: 'SetAccountCustomField', data: { accountId, key: 'seats', value: '10' } })
        .then([{ type: 'AccountCustomFieldSet', data: { accountId, key: 'seats', value: '10' } }]));

    it('records nothing when clearing a field that was never set', () =>
      spec
        .given([registered])
        .when({ type: 'SetAccountCustomField', data: { accountId, key: 'tier', value: null } })
        .thenNothingHappens());

    it('treats keys named like object built-ins as ordinary keys', () =>
      spec
        .given([registered])
        .when({
          type: 'SetAccountCustomField',
          data: { accountId, key: 'constructor', value: null },
        })
        .thenNothingHappens());

    it('refuses an unknown account', () =>
      spec
        .given([])
        .when({ type: 'SetAccountCustomField', data: { accountId, key: 'tier', value: 'gold' } })
        .thenThrows('ACCOUNT_NOT_FOUND', 'not_found'));

    it('refuses an archived account', () =>
      spec
        .given([registered, archived])
        .when({ type: 'SetAccountCustomField', data: { accountId, key: 'tier', value: 'gold' } })
        .thenThrows('ACCOUNT_ARCHIVED', 'rule'));
  });

  describe('ArchiveAccount', () => {
    it('archives an active account with a reason', () =>
      spec
        .given([registered])
        .when({ type: 'ArchiveAccount', data: { accountId, reason: 'went out of business' } })
        .then([archived]));

    it('archives an active account without a reason', () =>
      spec
        .given([registered])
        .when({ type: 'ArchiveAccount', data: { accountId } })
        .then([
          { type: 'AccountArchived', data: { accountId, archivedAt: SPEC_NOW.toISOString() } },
        ]));

    it('stamps the archive with the command clock', () =>
      spec
        .given([registered])
        .when({ type: 'ArchiveAccount', data: { accountId } }, new Date('2026-03-01T08:30:00.000Z'))
        .then([
          { type: 'AccountArchived', data: { accountId, archivedAt: '2026-03-01T08:30:00.000Z' } },
        ]));

    it('refuses an unknown account', () =>
      spec
        .given([])
        .when({ type: 'ArchiveAccount', data: { accountId } })
        .thenThrows('ACCOUNT_NOT_FOUND', 'not_found'));

    it('refuses an account already archived', () =>
      spec
        .given([registered, archived])
        .when({ type: 'ArchiveAccount', data: { accountId } })
        .thenThrows('ACCOUNT_ARCHIVED', 'rule'));
  });
});
