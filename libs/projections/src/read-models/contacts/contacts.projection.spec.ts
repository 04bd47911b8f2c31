import {
  ContactLinkedToAccount,
  ContactMerged,
  ContactOwnerAssigned,
  ContactTagged,
  ContactUnlinkedFromAccount,
  ContactUpdated,
} from '@crm/domain';
import { projectedEvent } from '@crm/testing';
import { contactsProjection } from './contacts.projection';
import { event, project, CREATED_AT, LATER, created, contactOf } from './contacts.fixtures';

describe('contactsProjection', () => {
  it('declares its collection, the indexes of the contact queries and only contact events', () => {
    expect(contactsProjection.name).toBe('contacts');
    expect(contactsProjection.indexes).toEqual([
      { fields: ['tenantId', 'accountId', 'status'] },
      { fields: ['tenantId', 'ownerId'] },
      { fields: ['tenantId', 'tags'] },
      { fields: ['tenantId', 'emailsLower'] },
      { fields: ['tenantId', 'status'] },
      { fields: ['tenantId', '_search', 'status', 'searchName', 'contactId'] },
    ]);
    expect([...contactsProjection.handles].sort()).toEqual(
      [
        'ContactConsentRecorded',
        'ContactCreated',
        'ContactCustomFieldSet',
        'ContactLinkedToAccount',
        'ContactMerged',
        'ContactOwnerAssigned',
        'ContactOwnerUnassigned',
        'ContactTagged',
        'ContactUnlinkedFromAccount',
        'ContactUntagged',
        'ContactUpdated',
      ].sort(),
    );
    expect(contactsProjection.handles.has('AccountRegistered')).toBe(false);
    expect(contactsProjection.handles.has('LeadConverted')).toBe(false);
  });

  it('ContactCreated: the whole contact, with its derived search fields', () => {
    const documents = project([
      created({
        title: 'Countess',
        socialProfiles: [{ network: 'linkedin', handle: 'ada' }],
        address: { city: 'London', country: 'GB' },
        ownerId: 'user-7',
        accountId: 'a-1',
        origin: { leadId: 'l-1' },
      }),
    ]);
    expect(contactOf(documents)).toStrictEqual({
      _id: 'acme:c-1',
      tenantId: 'acme',
      contactId: 'c-1',
      firstName: 'Ada',
      lastName: 'Lovelace',
      fullName: 'Ada Lovelace',
      searchName: 'ada lovelace',
      emails: [
        { address: 'Ada@Example.com', label: 'work' },
        { address: 'ada.home@example.org', primary: true },
      ],
      emailsLower: ['ada@example.com', 'ada.home@example.org'],
      primaryEmail: 'ada.home@example.org',
      phones: [{ number: '+44 20 7946 0000', label: 'mobile' }],
      title: 'Countess',
      socialProfiles: [{ network: 'linkedin', handle: 'ada' }],
      address: { city: 'London', country: 'GB' },
      ownerId: 'user-7',
      accountId: 'a-1',
      tags: [],
      customFields: {},
      consents: {},
      origin: { leadId: 'l-1' },
      status: 'active',
      mergedContactIds: [],
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
      // Name, email and phone words with their prefixes, the phone's digits as one word too.
      _search: expect.arrayContaining(['ad', 'ada', 'lovel', 'home', 'example', 'org', '4420794']),
    });
    expect(contactOf(documents)._search).not.toContain('countess');
  });

  it('ContactCreated: optional fields stay absent; without a primary the first email is primary', () => {
    const withoutPrimary = contactOf(
      project([created({ emails: [{ address: 'A@x.io' }, { address: 'b@x.io' }] })]),
    );
    expect(withoutPrimary.primaryEmail).toBe('A@x.io');
    for (const field of ['title', 'address', 'ownerId', 'accountId', 'origin', 'survivorId']) {
      expect(Object.hasOwn(withoutPrimary, field)).toBe(false);
    }
    expect(withoutPrimary.socialProfiles).toEqual([]);

    const withoutEmail = contactOf(project([created({ emails: [], lastName: '' })]));
    expect(Object.hasOwn(withoutEmail, 'primaryEmail')).toBe(false);
    expect(withoutEmail.emailsLower).toEqual([]);
    expect(withoutEmail.fullName).toBe('Ada');
  });

  it('ContactUpdated: the changed fields, with names and emails derived again', () => {
    const documents = project([
      created({ title: 'Countess' }),
      event<ContactUpdated>(
        'ContactUpdated',
        {
          contactId: 'c-1',
          lastName: 'King',
          emails: [{ address: 'ADA@king.example' }],
          phones: [],
          socialProfiles: [{ network: 'x', handle: '@ada' }],
          address: { city: 'Ockham' },
        },
        { recordedAt: LATER },
      ),
    ]);
    expect(contactOf(documents)).toMatchObject({
      firstName: 'Ada',
      lastName: 'King',
      fullName: 'Ada King',
      searchName: 'ada king',
      emails: [{ address: 'ADA@king.example' }],
      emailsLower: ['ada@king.example'],
      primaryEmail: 'ADA@king.example',
      phones: [],
      title: 'Countess',
      socialProfiles: [{ network: 'x', handle: '@ada' }],
      address: { city: 'Ockham' },
      createdAt: CREATED_AT,
      updatedAt: LATER,
    });
  });

  it('ContactUpdated: removing every email drops primaryEmail', () => {
    const documents = project([
      created(),
      event<ContactUpdated>('ContactUpdated', { contactId: 'c-1', emails: [] }),
    ]);
    expect(Object.hasOwn(contactOf(documents), 'primaryEmail')).toBe(false);
    expect(contactOf(documents).emailsLower).toEqual([]);
  });

  it('ContactLinkedToAccount and ContactUnlinkedFromAccount: set and remove accountId', () => {
    const linked = project([
      created(),
      event<ContactLinkedToAccount>(
        'ContactLinkedToAccount',
        { contactId: 'c-1', accountId: 'a-2' },
        { recordedAt: LATER },
      ),
    ]);
    expect(contactOf(linked)).toMatchObject({ accountId: 'a-2', updatedAt: LATER });

    const unlinked = project(
      [
        event<ContactUnlinkedFromAccount>('ContactUnlinkedFromAccount', {
          contactId: 'c-1',
          accountId: 'a-2',
        }),
      ],
      linked,
    );
    expect(Object.hasOwn(contactOf(unlinked), 'accountId')).toBe(false);
  });

  it('ContactOwnerAssigned: the new owner', () => {
    const documents = project([
      created({ ownerId: 'user-1' }),
      event<ContactOwnerAssigned>(
        'ContactOwnerAssigned',
        { contactId: 'c-1', ownerId: 'user-2', previousOwnerId: 'user-1' },
        { recordedAt: LATER },
      ),
    ]);
    expect(contactOf(documents)).toMatchObject({ ownerId: 'user-2', updatedAt: LATER });
  });

  it('an event that changes nothing returns the current document itself', () => {
    const documents = project([
      created(),
      event<ContactTagged>('ContactTagged', { contactId: 'c-1', tag: 'vip' }),
    ]);
    const current = contactOf(documents);
    const again = event<ContactTagged>('ContactTagged', { contactId: 'c-1', tag: 'vip' });
    expect(contactsProjection.evolve(current, again, 'acme:c-1')).toBe(current);
  });

  it('an event for a contact it never saw creates nothing', () => {
    const documents = project([
      event<ContactTagged>('ContactTagged', { contactId: 'c-9', tag: 'vip' }),
      event<ContactMerged>('ContactMerged', {
        contactId: 'c-9',
        survivorId: 'c-8',
        mergedAt: LATER,
      }),
    ]);
    expect(documents.size).toBe(0);
  });

  it('a replayed ContactCreated does not reset the contact', () => {
    const first = project([
      created(),
      event<ContactTagged>('ContactTagged', { contactId: 'c-1', tag: 'vip' }),
    ]);
    const replayed = project([created({ firstName: 'Other' })], first);
    expect(contactOf(replayed)).toBe(contactOf(first));
  });

  it('keeps tenants apart: the same contact id in two tenants is two documents', () => {
    const documents = project([
      created(),
      created({ firstName: 'Grace', lastName: 'Hopper' }, { tenantId: 'globex' }),
      event<ContactTagged>(
        'ContactTagged',
        { contactId: 'c-1', tag: 'vip' },
        { tenantId: 'globex' },
      ),
    ]);
    expect([...documents.keys()].sort()).toEqual(['acme:c-1', 'globex:c-1']);
    expect(contactOf(documents)).toMatchObject({
      tenantId: 'acme',
      fullName: 'Ada Lovelace',
      tags: [],
    });
    expect(contactOf(documents, 'globex:c-1')).toMatchObject({
      tenantId: 'globex',
      fullName: 'Grace Hopper',
      tags: ['vip'],
    });
  });

  it('throws for an event without a contact id (corrupt data) and ignores other events', () => {
    const corrupt = event<ContactTagged>('ContactTagged', { tag: 'vip' } as ContactTagged['data']);
    expect(() => contactsProjection.documentIds(corrupt)).toThrow(/contactId/);
    const other = projectedEvent({ type: 'AccountTagged', data: { accountId: 'a-1', tag: 'x' } });
    expect(contactsProjection.documentIds(other)).toEqual([]);
  });
});
