import {
  ContactConsentRecorded,
  ContactCreated,
  ContactCustomFieldSet,
  ContactLinkedToAccount,
  ContactMerged,
  ContactTagged,
  ContactUnlinkedFromAccount,
  ContactUntagged,
} from '@crm/domain';
import {
  expectEntry,
  RECORDED_AT,
  summaryOf,
  TimelineCase,
  timelineEvent as event,
} from '../timeline.test-kit';

const cases: TimelineCase[] = [
  [
    'ContactCreated',
    event<ContactCreated>('ContactCreated', {
      contactId: 'c-1',
      firstName: 'Ada',
      lastName: 'Lovelace',
      emails: [],
      phones: [],
      accountId: 'a-1',
      origin: { leadId: 'l-1' },
    }),
    {
      occurredAt: RECORDED_AT,
      links: { contactId: 'c-1', accountId: 'a-1', leadId: 'l-1' },
      facts: { firstName: 'Ada', lastName: 'Lovelace' },
      summary: 'Contact created: Ada Lovelace',
    },
  ],
  [
    'ContactLinkedToAccount',
    event<ContactLinkedToAccount>('ContactLinkedToAccount', {
      contactId: 'c-1',
      accountId: 'a-2',
      previousAccountId: 'a-1',
    }),
    {
      occurredAt: RECORDED_AT,
      links: { contactId: 'c-1', accountId: 'a-2' },
      facts: { accountId: 'a-2', previousAccountId: 'a-1' },
      summary: 'Moved from account a-1 to account a-2',
    },
  ],
  [
    'ContactUnlinkedFromAccount',
    event<ContactUnlinkedFromAccount>('ContactUnlinkedFromAccount', {
      contactId: 'c-1',
      accountId: 'a-1',
    }),
    {
      occurredAt: RECORDED_AT,
      links: { contactId: 'c-1', accountId: 'a-1' },
      facts: { accountId: 'a-1' },
      summary: 'Unlinked from account a-1',
    },
  ],
  [
    'ContactTagged',
    event<ContactTagged>('ContactTagged', { contactId: 'c-1', tag: 'vip' }),
    {
      occurredAt: RECORDED_AT,
      links: { contactId: 'c-1' },
      facts: { tag: 'vip' },
      summary: 'Tag added: vip',
    },
  ],
  [
    'ContactUntagged',
    event<ContactUntagged>('ContactUntagged', { contactId: 'c-1', tag: 'vip' }),
    {
      occurredAt: RECORDED_AT,
      links: { contactId: 'c-1' },
      facts: { tag: 'vip' },
      summary: 'Tag removed: vip',
    },
  ],
  [
    'ContactCustomFieldSet',
    event<ContactCustomFieldSet>('ContactCustomFieldSet', {
      contactId: 'c-1',
      key: 'shoe size',
      value: 42,
    }),
    {
      occurredAt: RECORDED_AT,
      links: { contactId: 'c-1' },
      facts: { key: 'shoe size', value: 42 },
      summary: 'Custom field set: shoe size',
    },
  ],
  [
    'ContactMerged',
    event<ContactMerged>('ContactMerged', {
      contactId: 'c-1',
      survivorId: 'c-2',
      mergedAt: '2026-01-25T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-25T10:00:00.000Z',
      links: { contactId: 'c-1' },
      facts: { survivorId: 'c-2' },
      summary: 'Merged into contact c-2',
    },
  ],
  [
    'ContactConsentRecorded',
    event<ContactConsentRecorded>('ContactConsentRecorded', {
      contactId: 'c-1',
      channel: 'email',
      status: 'opted_out',
      source: 'unsubscribe-link',
      recordedAt: '2026-01-26T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-26T10:00:00.000Z',
      links: { contactId: 'c-1' },
      facts: { channel: 'email', status: 'opted_out', source: 'unsubscribe-link' },
      summary: 'Consent (email): opted out, source unsubscribe-link',
    },
  ],
];

describe('contacts on the timeline', () => {
  it.each(cases)('%s: its time, links, facts and line', (_type, projected, expected) =>
    expectEntry(projected, expected),
  );

  it('a first link to an account names only that account', () => {
    const linked = event<ContactLinkedToAccount>('ContactLinkedToAccount', {
      contactId: 'c-1',
      accountId: 'a-2',
    });
    expect(summaryOf(linked)).toBe('Linked to account a-2');
  });

  it('a custom field set to null reads as cleared, and its value is never in the line', () => {
    const set = (value: string | null) =>
      summaryOf(
        event<ContactCustomFieldSet>('ContactCustomFieldSet', {
          contactId: 'c-1',
          key: 'phone',
          value,
        }),
      );
    expect(set(null)).toBe('Custom field cleared: phone');
    expect(set('+44 20 7946 0000')).toBe('Custom field set: phone');
  });
});
