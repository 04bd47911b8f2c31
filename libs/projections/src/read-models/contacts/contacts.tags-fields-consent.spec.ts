import {
  ContactConsentRecorded,
  ContactCustomFieldSet,
  ContactMerged,
  ContactTagged,
  ContactUntagged,
} from '@crm/domain';
import { contactsProjection } from './contacts.projection';
import { event, project, LATER, created, contactOf } from './contacts.fixtures';

describe('contactsProjection: tags, custom fields, consent and merges', () => {
  it('ContactTagged and ContactUntagged: the tag set, each tag once', () => {
    const tagged = project([
      created(),
      event<ContactTagged>('ContactTagged', { contactId: 'c-1', tag: 'vip' }),
      event<ContactTagged>('ContactTagged', { contactId: 'c-1', tag: 'newsletter' }),
      event<ContactTagged>('ContactTagged', { contactId: 'c-1', tag: 'vip' }),
    ]);
    expect(contactOf(tagged).tags).toEqual(['vip', 'newsletter']);

    const untagged = project(
      [
        event<ContactUntagged>('ContactUntagged', { contactId: 'c-1', tag: 'vip' }),
        event<ContactUntagged>('ContactUntagged', { contactId: 'c-1', tag: 'unknown' }),
      ],
      tagged,
    );
    expect(contactOf(untagged).tags).toEqual(['newsletter']);
  });

  it('ContactCustomFieldSet: the value by key, even for keys such as __proto__', () => {
    const documents = project([
      created(),
      event<ContactCustomFieldSet>('ContactCustomFieldSet', {
        contactId: 'c-1',
        key: 'segment',
        value: 'enterprise',
      }),
      event<ContactCustomFieldSet>('ContactCustomFieldSet', {
        contactId: 'c-1',
        key: 'seats',
        value: 40,
      }),
      event<ContactCustomFieldSet>('ContactCustomFieldSet', {
        contactId: 'c-1',
        key: 'segment',
        value: null,
      }),
    ]);
    expect(contactOf(documents).customFields).toEqual({ segment: null, seats: 40 });

    const proto = contactsProjection.evolve(
      contactOf(documents),
      event<ContactCustomFieldSet>('ContactCustomFieldSet', {
        contactId: 'c-1',
        key: '__proto__',
        value: 'x',
      }),
      'acme:c-1',
    );
    expect(proto && Object.hasOwn(proto.customFields, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(proto?.customFields)).toBe(Object.prototype);
  });

  it('ContactConsentRecorded: the latest status, source and time per channel', () => {
    const documents = project([
      created(),
      event<ContactConsentRecorded>('ContactConsentRecorded', {
        contactId: 'c-1',
        channel: 'email',
        status: 'opted_in',
        source: 'signup-form',
        recordedAt: '2026-01-03T08:00:00.000Z',
      }),
      event<ContactConsentRecorded>('ContactConsentRecorded', {
        contactId: 'c-1',
        channel: 'sms',
        status: 'opted_in',
        source: 'call',
        recordedAt: '2026-01-04T08:00:00.000Z',
      }),
      event<ContactConsentRecorded>('ContactConsentRecorded', {
        contactId: 'c-1',
        channel: 'email',
        status: 'opted_out',
        source: 'unsubscribe-link',
        recordedAt: '2026-01-06T08:00:00.000Z',
      }),
    ]);
    expect(contactOf(documents)).toMatchObject({
      consents: {
        email: {
          status: 'opted_out',
          source: 'unsubscribe-link',
          recordedAt: '2026-01-06T08:00:00.000Z',
        },
        sms: { status: 'opted_in', source: 'call', recordedAt: '2026-01-04T08:00:00.000Z' },
      },
      updatedAt: '2026-01-06T08:00:00.000Z',
    });
  });

  it('ContactMerged: the merged contact points at its survivor, which lists it', () => {
    const merge = event<ContactMerged>('ContactMerged', {
      contactId: 'c-1',
      survivorId: 'c-2',
      mergedAt: LATER,
    });
    expect(contactsProjection.documentIds(merge)).toEqual(['acme:c-1', 'acme:c-2']);
    const documents = project([created(), created({ contactId: 'c-2' }), merge]);
    expect(contactOf(documents)).toMatchObject({
      status: 'merged',
      survivorId: 'c-2',
      mergedAt: LATER,
      updatedAt: LATER,
    });
    expect(contactOf(documents, 'acme:c-2')).toMatchObject({
      status: 'active',
      mergedContactIds: ['c-1'],
      updatedAt: LATER,
    });
    expect(Object.hasOwn(contactOf(documents, 'acme:c-2'), 'survivorId')).toBe(false);
  });
});
