import { DeciderSpecification, SPEC_NOW } from '@crm/testing';
import { DomainError, foldEvents } from '../shared';
import { contactDecider } from './contact.decider';
import { ContactEvent } from './contact.events';

const contactId = 'contact-1';
const survivorId = 'contact-9';
const created: ContactEvent = {
  type: 'ContactCreated',
  data: {
    contactId,
    firstName: 'Ada',
    lastName: 'Lovelace',
    emails: [
      { address: 'ada@acme.example', label: 'work', primary: true },
      { address: 'ada@home.example', label: 'home' },
    ],
    phones: [{ number: '+44 20 7946 0000', label: 'work' }],
    title: 'Head of Engineering',
    socialProfiles: [{ network: 'linkedin', handle: 'ada-lovelace' }],
    address: { city: 'London', country: 'GB' },
    ownerId: 'user-1',
    accountId: 'account-1',
    origin: { leadId: 'lead-1' },
  },
};
const createdBare: ContactEvent = {
  type: 'ContactCreated',
  data: { contactId, firstName: 'Ada', lastName: 'Lovelace', emails: [], phones: [] },
};
const merged: ContactEvent = {
  type: 'ContactMerged',
  data: { contactId, survivorId, mergedAt: SPEC_NOW.toISOString() },
};
const tagged: ContactEvent = { type: 'ContactTagged', data: { contactId, tag: 'champion' } };
const untagged: ContactEvent = { type: 'ContactUntagged', data: { contactId, tag: 'champion' } };
const unlinked: ContactEvent = {
  type: 'ContactUnlinkedFromAccount',
  data: { contactId, accountId: 'account-1' },
};
const spec = DeciderSpecification.for(contactDecider);

describe('Contact decider', () => {
  describe('CreateContact', () => {
    it('creates a contact with its full profile', () =>
      spec
        .given([])
        .when({ type: 'CreateContact', data: { ...created.data } })
        .then([created]));

    it('creates a contact with names only', () =>
      spec
        .given([])
        .when({ type: 'CreateContact', data: { ...createdBare.data } })
        .then([createdBare]));

    it('accepts several emails when none is primary', () =>
      spec
        .given([])
        .when({
          type: 'CreateContact',
          data: {
            ...createdBare.data,
            emails: [{ address: 'a@x.example' }, { address: 'b@x.example', primary: false }],
          },
        })
        .then([
          {
            type: 'ContactCreated',
            data: {
              ...createdBare.data,
              emails: [{ address: 'a@x.example' }, { address: 'b@x.example', primary: false }],
            },
          },
        ]));

    it('refuses more than one primary email', () =>
      spec
        .given([])
        .when({
          type: 'CreateContact',
          data: {
            ...createdBare.data,
            emails: [
              { address: 'a@x.example', primary: true },
              { address: 'b@x.example', primary: true },
            ],
          },
        })
        .thenThrows('CONTACT_MULTIPLE_PRIMARY_EMAILS', 'rule'));

    it('refuses the same email address twice', () =>
      spec
        .given([])
        .when({
          type: 'CreateContact',
          data: {
            ...createdBare.data,
            emails: [{ address: 'ada@acme.example' }, { address: 'ada@acme.example' }],
          },
        })
        .thenThrows('CONTACT_DUPLICATE_EMAIL', 'rule'));

    it('refuses the same email address written in another case', () =>
      spec
        .given([])
        .when({
          type: 'CreateContact',
          data: {
            ...createdBare.data,
            emails: [{ address: 'ada@acme.example' }, { address: 'Ada@ACME.example' }],
          },
        })
        .thenThrows('CONTACT_DUPLICATE_EMAIL', 'rule'));

    it('refuses a contact id that already exists', () =>
      spec
        .given([created])
        .when({ type: 'CreateContact', data: { ...created.data } })
        .thenThrows('CONTACT_ALREADY_EXISTS', 'already_exists'));

    it('refuses a contact id already used by a merged contact', () =>
      spec
        .given([created, merged])
        .when({ type: 'CreateContact', data: { ...created.data } })
        .thenThrows('CONTACT_ALREADY_EXISTS', 'already_exists'));
  });

  describe('UpdateContact', () => {
    it('records only the fields that change', () =>
      spec
        .given([created])
        .when({
          type: 'UpdateContact',
          data: {
            contactId,
            firstName: 'Ada',
            lastName: 'King',
            title: 'CTO',
            phones: [{ number: '+44 20 7946 0000', label: 'work' }],
          },
        })
        .then([{ type: 'ContactUpdated', data: { contactId, lastName: 'King', title: 'CTO' } }]));

    it('replaces a list when any of its items changes', () =>
      spec
        .given([created])
        .when({
          type: 'UpdateContact',
          data: {
            contactId,
            emails: [
              { address: 'ada@acme.example', label: 'work' },
              { address: 'ada@home.example', label: 'home', primary: true },
            ],
            socialProfiles: [
              { network: 'linkedin', handle: 'ada-lovelace' },
              { network: 'github', handle: 'ada' },
            ],
          },
        })
        .then([
          {
            type: 'ContactUpdated',
            data: {
              contactId,
              emails: [
                { address: 'ada@acme.example', label: 'work' },
                { address: 'ada@home.example', label: 'home', primary: true },
              ],
              socialProfiles: [
                { network: 'linkedin', handle: 'ada-lovelace' },
                { network: 'github', handle: 'ada' },
              ],
            },
          },
        ]));

    it('treats a reordered list as a change', () =>
      spec
        .given([created])
        .when({
          type: 'UpdateContact',
          data: {
            contactId,
            emails: [
              { address: 'ada@home.example', label: 'home' },
              { address: 'ada@acme.example', label: 'work', primary: true },
            ],
          },
        })
        .then([
          {
            type: 'ContactUpdated',
            data: {
              contactId,
              emails: [
                { address: 'ada@home.example', label: 'home' },
                { address: 'ada@acme.example', label: 'work', primary: true },
              ],
            },
          },
        ]));

    it('changes the address when any part of it changes', () =>
      spec
        .given([created])
        .when({
          type: 'UpdateContact',
          data: { contactId, address: { city: 'London', country: 'GB', postalCode: 'W1' } },
        })
        .then([
          {
            type: 'ContactUpdated',
            data: { contactId, address: { city: 'London', country: 'GB', postalCode: 'W1' } },
          },
        ]));

    it('records nothing when every given field deeply equals the current value', () =>
      spec
        .given([created])
        .when({
          type: 'UpdateContact',
          data: {
            contactId,
            firstName: 'Ada',
            emails: [
              { primary: true, label: 'work', address: 'ada@acme.example' },
              { label: 'home', address: 'ada@home.example' },
            ],
            phones: [{ label: 'work', number: '+44 20 7946 0000' }],
            socialProfiles: [{ handle: 'ada-lovelace', network: 'linkedin' }],
            address: { country: 'GB', city: 'London' },
          },
        })
        .thenNothingHappens());

    it('records nothing when no field is given', () =>
      spec
        .given([created])
        .when({ type: 'UpdateContact', data: { contactId } })
        .thenNothingHappens());

    it('treats missing social profiles as an empty list', () =>
      spec
        .given([createdBare])
        .when({ type: 'UpdateContact', data: { contactId, socialProfiles: [] } })
        .thenNothingHappens());

    it('compares against the contact as already updated', () =>
      spec
        .given([created, { type: 'ContactUpdated', data: { contactId, lastName: 'King' } }])
        .when({ type: 'UpdateContact', data: { contactId, lastName: 'King' } })
        .thenNothingHappens());

    it('refuses more than one primary email', () =>
      spec
        .given([created])
        .when({
          type: 'UpdateContact',
          data: {
            contactId,
            emails: [
              { address: 'ada@acme.example', primary: true },
              { address: 'ada@home.example', primary: true },
            ],
          },
        })
        .thenThrows('CONTACT_MULTIPLE_PRIMARY_EMAILS', 'rule'));

    it('refuses the same email address twice, whatever its case', () =>
      spec
        .given([created])
        .when({
          type: 'UpdateContact',
          data: {
            contactId,
            emails: [{ address: 'ada@acme.example' }, { address: 'ADA@acme.example' }],
          },
        })
        .thenThrows('CONTACT_DUPLICATE_EMAIL', 'rule'));

    it('refuses an unknown contact', () =>
      spec
        .given([])
        .when({ type: 'UpdateContact', data: { contactId, lastName: 'King' } })
        .thenThrows('CONTACT_NOT_FOUND', 'not_found'));

    it('refuses a merged contact', () =>
      spec
        .given([created, merged])
        .when({ type: 'UpdateContact', data: { contactId, lastName: 'King' } })
        .thenThrows('CONTACT_MERGED', 'rule'));
  });

  describe('LinkContactToAccount', () => {
    it('links an unlinked contact to an account', () =>
      spec
        .given([createdBare])
        .when({ type: 'LinkContactToAccount', data: { contactId, accountId: 'account-2' } })
        .then([{ type: 'ContactLinkedToAccount', data: { contactId, accountId: 'account-2' } }]));

    it('moves a contact to another account and remembers the previous one', () =>
      spec
        .given([created])
        .when({ type: 'LinkContactToAccount', data: { contactId, accountId: 'account-2' } })
        .then([
          {
            type: 'ContactLinkedToAccount',
            data: { contactId, accountId: 'account-2', previousAccountId: 'account-1' },
          },
        ]));

    it('links again after an unlink, without a previous account', () =>
      spec
        .given([created, unlinked])
        .when({ type: 'LinkContactToAccount', data: { contactId, accountId: 'account-1' } })
        .then([{ type: 'ContactLinkedToAccount', data: { contactId, accountId: 'account-1' } }]));

    it('records nothing when the contact is already linked to that account', () =>
      spec
        .given([created])
        .when({ type: 'LinkContactToAccount', data: { contactId, accountId: 'account-1' } })
        .thenNothingHappens());

    it('records nothing when the contact was already moved to that account', () =>
      spec
        .given([
          created,
          {
            type: 'ContactLinkedToAccount',
            data: { contactId, accountId: 'account-2', previousAccountId: 'account-1' },
          },
        ])
        .when({ type: 'LinkContactToAccount', data: { contactId, accountId: 'account-2' } })
        .thenNothingHappens());

    it('refuses an unknown contact', () =>
      spec
        .given([])
        .when({ type: 'LinkContactToAccount', data: { contactId, accountId: 'account-2' } })
        .thenThrows('CONTACT_NOT_FOUND', 'not_found'));

    it('refuses a merged contact', () =>
      spec
        .given([created, merged])
        .when({ type: 'LinkContactToAccount', data: { contactId, accountId: 'account-2' } })
        .thenThrows('CONTACT_MERGED', 'rule'));
  });

  describe('UnlinkContactFromAccount', () => {
    it('unlinks a contact from its account', () =>
      spec
        .given([created])
        .when({ type: 'UnlinkContactFromAccount', data: { contactId } })
        .then([unlinked]));

    it('unlinks from the account the contact was last linked to', () =>
      spec
        .given([
          createdBare,
          { type: 'ContactLinkedToAccount', data: { contactId, accountId: 'account-2' } },
        ])
        .when({ type: 'UnlinkContactFromAccount', data: { contactId } })
        .then([
          { type: 'ContactUnlinkedFromAccount', data: { contactId, accountId: 'account-2' } },
        ]));

    it('refuses a contact that was never linked', () =>
      spec
        .given([createdBare])
        .when({ type: 'UnlinkContactFromAccount', data: { contactId } })
        .thenThrows('CONTACT_NOT_LINKED', 'rule'));

    it('refuses a contact already unlinked', () =>
      spec
        .given([created, unlinked])
        .when({ type: 'UnlinkContactFromAccount', data: { contactId } })
        .thenThrows('CONTACT_NOT_LINKED', 'rule'));

    it('refuses an unknown contact', () =>
      spec
        .given([])
        .when({ type: 'UnlinkContactFromAccount', data: { contactId } })
        .thenThrows('CONTACT_NOT_FOUND', 'not_found'));

    it('refuses a merged contact', () =>
      spec
        .given([created, merged])
        .when({ type: 'UnlinkContactFromAccount', data: { contactId } })
        .thenThrows('CONTACT_MERGED', 'rule'));
  });

  describe('AssignContactOwner', () => {
    it('clears the owner with null, naming who owned it', () =>
      spec
        .given([created])
        .when({ type: 'AssignContactOwner', data: { contactId, ownerId: null } })
        .then([
          { type: 'ContactOwnerUnassigned', data: { contactId, previousOwnerId: 'user-1' } },
        ]));

    it('records nothing when a contact without an owner is cleared', () =>
      spec
        .given([createdBare])
        .when({ type: 'AssignContactOwner', data: { contactId, ownerId: null } })
        .thenNothingHappens());

    it('assigns a new owner and remembers the previous one', () =>
      spec
        .given([created])
        .when({ type: 'AssignContactOwner', data: { contactId, ownerId: 'user-2' } })
        .then([
          {
            type: 'ContactOwnerAssigned',
            data: { contactId, ownerId: 'user-2', previousOwnerId: 'user-1' },
          },
        ]));

    it('assigns a first owner without a previous one', () =>
      spec
        .given([createdBare])
        .when({ type: 'AssignContactOwner', data: { contactId, ownerId: 'user-2' } })
        .then([{ type: 'ContactOwnerAssigned', data: { contactId, ownerId: 'user-2' } }]));

    it('records nothing when the owner does not change', () =>
      spec
        .given([created])
        .when({ type: 'AssignContactOwner', data: { contactId, ownerId: 'user-1' } })
        .thenNothingHappens());

    it('records nothing when the contact was already reassigned to that owner', () =>
      spec
        .given([
          created,
          {
            type: 'ContactOwnerAssigned',
            data: { contactId, ownerId: 'user-2', previousOwnerId: 'user-1' },
          },
        ])
        .when({ type: 'AssignContactOwner', data: { contactId, ownerId: 'user-2' } })
        .thenNothingHappens());

    it('refuses an unknown contact', () =>
      spec
        .given([])
        .when({ type: 'AssignContactOwner', data: { contactId, ownerId: 'user-2' } })
        .thenThrows('CONTACT_NOT_FOUND', 'not_found'));

    it('refuses a merged contact', () =>
      spec
        .given([created, merged])
        .when({ type: 'AssignContactOwner', data: { contactId, ownerId: 'user-2' } })
        .thenThrows('CONTACT_MERGED', 'rule'));
  });

  describe('TagContact', () => {
    it('tags a contact', () =>
      spec
        .given([created])
        .when({ type: 'TagContact', data: { contactId, tag: 'champion' } })
        .then([tagged]));

    it('records nothing when the contact already has the tag', () =>
      spec
        .given([created, tagged])
        .when({ type: 'TagContact', data: { contactId, tag: 'champion' } })
        .thenNothingHappens());

    it('takes another spelling of a tag it has for the same tag', () =>
      spec
        .given([created, tagged])
        .when({ type: 'TagContact', data: { contactId, tag: 'Champion ' } })
        .thenNothingHappens());

    it('tags again after the tag was removed', () =>
      spec
        .given([created, tagged, untagged])
        .when({ type: 'TagContact', data: { contactId, tag: 'champion' } })
        .then([tagged]));

    it('refuses an unknown contact', () =>
      spec
        .given([])
        .when({ type: 'TagContact', data: { contactId, tag: 'champion' } })
        .thenThrows('CONTACT_NOT_FOUND', 'not_found'));

    it('refuses a merged contact', () =>
      spec
        .given([created, merged])
        .when({ type: 'TagContact', data: { contactId, tag: 'champion' } })
        .thenThrows('CONTACT_MERGED', 'rule'));
  });

  describe('UntagContact', () => {
    it('removes a tag the contact has', () =>
      spec
        .given([created, tagged])
        .when({ type: 'UntagContact', data: { contactId, tag: 'champion' } })
        .then([untagged]));

    it('records nothing when the contact does not have the tag', () =>
      spec
        .given([created])
        .when({ type: 'UntagContact', data: { contactId, tag: 'champion' } })
        .thenNothingHappens());

    it('records nothing when the tag was already removed', () =>
      spec
        .given([created, tagged, untagged])
        .when({ type: 'UntagContact', data: { contactId, tag: 'champion' } })
        .thenNothingHappens());

    it('removes the tag in its own spelling, whatever spelling is asked', () =>
      spec
        .given([created, tagged])
        .when({ type: 'UntagContact', data: { contactId, tag: 'CHAMPION' } })
        .then([untagged]));

    it('refuses an unknown contact', () =>
      spec
        .given([])
        .when({ type: 'UntagContact', data: { contactId, tag: 'champion' } })
        .thenThrows('CONTACT_NOT_FOUND', 'not_found'));

    it('refuses a merged contact', () =>
      spec
        .given([created, tagged, merged])
        .when({ type: 'UntagContact', data: { contactId, tag: 'champion' } })
        .thenThrows('CONTACT_MERGED', 'rule'));
  });

  describe('SetContactCustomField', () => {
    const birthdaySet: ContactEvent = {
      type: 'ContactCustomFieldSet',
      data: { contactId, key: 'birthday', value: '1815-12-10' },
    };

    it('sets a custom field', () =>
      spec
        .given([created])
        .when({
          type: 'SetContactCustomField',
          data: { contactId, key: 'birthday', value: '1815-12-10' },
        })
        .then([birthdaySet]));

    it('changes a custom field to another value', () =>
      spec
        .given([created, birthdaySet])
        .when({
          type: 'SetContactCustomField',
          data: { contactId, key: 'birthday', value: '1815-12-11' },
        })
        .then([
          {
            type: 'ContactCustomFieldSet',
            data: { contactId, key: 'birthday', value: '1815-12-11' },
          },
        ]));

    it('clears a custom field with null', () =>
      spec
        .given([created, birthdaySet])
        .when({ type: 'SetContactCustomField', data: { contactId, key: 'birthday', value: null } })
        .then([
          { type: 'ContactCustomFieldSet', data: { contactId, key: 'birthday', value: null } },
        ]));

    it('records nothing when the field already holds that value', () =>
      spec
        .given([created, birthdaySet])
        .when({
          type: 'SetContactCustomField',
          data: { contactId, key: 'birthday', value: '1815-12-10' },
        })
        .thenNothingHappens());

    it('tells values of different types apart', () =>
      spec
        .given([
          created,
          { type: 'ContactCustomFieldSet', data: { contactId, key: 'vip', value: true } },
        ])
        .when({ type: 'SetContactCustomField', data: { contactId, key: 'vip', value: 'true' } })
        .then([{ type: 'ContactCustomFieldSet', data: { contactId, key: 'vip', value: 'true' } }]));

    it('records nothing when clearing a field that was never set', () =>
      spec
        .given([created])
        .when({ type: 'SetContactCustomField', data: { contactId, key: 'birthday', value: null } })
        .thenNothingHappens());

    it('refuses an unknown contact', () =>
      spec
        .given([])
        .when({ type: 'SetContactCustomField', data: { contactId, key: 'vip', value: true } })
        .thenThrows('CONTACT_NOT_FOUND', 'not_found'));

    it('refuses a merged contact', () =>
      spec
        .given([created, merged])
        .when({ type: 'SetContactCustomField', data: { contactId, key: 'vip', value: true } })
        .thenThrows('CONTACT_MERGED', 'rule'));
  });

  describe('RecordContactConsent', () => {
    const optedIn: ContactEvent = {
      type: 'ContactConsentRecorded',
      data: {
        contactId,
        channel: 'email',
        status: 'opted_in',
        source: 'signup-form',
        recordedAt: SPEC_NOW.toISOString(),
      },
    };

    it('records a consent', () =>
      spec
        .given([created])
        .when({
          type: 'RecordContactConsent',
          data: { contactId, channel: 'email', status: 'opted_in', source: 'signup-form' },
        })
        .then([optedIn]));

    it('records an opt-out after an opt-in', () =>
      spec
        .given([created, optedIn])
        .when(
          {
            type: 'RecordContactConsent',
            data: { contactId, channel: 'email', status: 'opted_out', source: 'unsubscribe-link' },
          },
          new Date('2026-02-01T12:00:00.000Z'),
        )
        .then([
          {
            type: 'ContactConsentRecorded',
            data: {
              contactId,
              channel: 'email',
              status: 'opted_out',
              source: 'unsubscribe-link',
              recordedAt: '2026-02-01T12:00:00.000Z',
            },
          },
        ]));

    it('records a repeated consent again, as an audit fact', () =>
      spec
        .given([created, optedIn])
        .when({
          type: 'RecordContactConsent',
          data: { contactId, channel: 'email', status: 'opted_in', source: 'signup-form' },
        })
        .then([optedIn]));

    it('refuses an unknown contact', () =>
      spec
        .given([])
        .when({
          type: 'RecordContactConsent',
          data: { contactId, channel: 'sms', status: 'opted_out', source: 'call-centre' },
        })
        .thenThrows('CONTACT_NOT_FOUND', 'not_found'));

    it('refuses a merged contact', () =>
      spec
        .given([created, merged])
        .when({
          type: 'RecordContactConsent',
          data: { contactId, channel: 'sms', status: 'opted_out', source: 'call-centre' },
        })
        .thenThrows('CONTACT_MERGED', 'rule'));
  });

  describe('MergeContact', () => {
    it('merges the duplicate into the survivor', () =>
      spec
        .given([created])
        .when({ type: 'MergeContact', data: { contactId, survivorId } })
        .then([merged]));

    it('refuses merging a contact into itself', () =>
      spec
        .given([created])
        .when({ type: 'MergeContact', data: { contactId, survivorId: contactId } })
        .thenThrows('CONTACT_MERGE_INTO_SELF', 'rule'));

    it('refuses an unknown contact', () =>
      spec
        .given([])
        .when({ type: 'MergeContact', data: { contactId, survivorId } })
        .thenThrows('CONTACT_NOT_FOUND', 'not_found'));

    it('refuses a contact already merged, even into the same survivor', () =>
      spec
        .given([created, merged])
        .when({ type: 'MergeContact', data: { contactId, survivorId } })
        .thenThrows('CONTACT_MERGED', 'rule'));

    it('names the survivor when refusing a command on a merged contact', () => {
      const state = foldEvents(contactDecider, [created, merged]);
      let thrown: unknown;
      try {
        contactDecider.decide(
          { type: 'TagContact', data: { contactId, tag: 'vip' }, metadata: { now: SPEC_NOW } },
          state,
        );
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect((thrown as DomainError).details).toEqual({ contactId, survivorId });
    });

    it('exposes the merge in the state for the application layer', () => {
      const state = foldEvents(contactDecider, [created, merged]);
      expect(state).toMatchObject({ exists: true, status: 'merged', survivorId });
    });
  });
});
