import {
  AccountArchived,
  AccountCustomFieldSet,
  AccountRegistered,
  AccountTagged,
  AccountUntagged,
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
    'AccountRegistered',
    event<AccountRegistered>('AccountRegistered', {
      accountId: 'a-1',
      name: 'Acme Corp',
      domain: 'acme.example',
    }),
    {
      occurredAt: RECORDED_AT,
      links: { accountId: 'a-1' },
      facts: { name: 'Acme Corp', domain: 'acme.example' },
      summary: 'Account registered: Acme Corp (acme.example)',
    },
  ],
  [
    'AccountArchived',
    event<AccountArchived>('AccountArchived', {
      accountId: 'a-1',
      archivedAt: '2026-01-27T10:00:00.000Z',
      reason: 'duplicate',
    }),
    {
      occurredAt: '2026-01-27T10:00:00.000Z',
      links: { accountId: 'a-1' },
      facts: { reason: 'duplicate' },
      summary: 'Account archived: duplicate',
    },
  ],
  [
    'AccountTagged',
    event<AccountTagged>('AccountTagged', { accountId: 'a-1', tag: 'key-account' }),
    {
      occurredAt: RECORDED_AT,
      links: { accountId: 'a-1' },
      facts: { tag: 'key-account' },
      summary: 'Tag added: key-account',
    },
  ],
  [
    'AccountUntagged',
    event<AccountUntagged>('AccountUntagged', { accountId: 'a-1', tag: 'key-account' }),
    {
      occurredAt: RECORDED_AT,
      links: { accountId: 'a-1' },
      facts: { tag: 'key-account' },
      summary: 'Tag removed: key-account',
    },
  ],
  [
    'AccountCustomFieldSet',
    event<AccountCustomFieldSet>('AccountCustomFieldSet', {
      accountId: 'a-1',
      key: 'tier',
      value: 'gold',
    }),
    {
      occurredAt: RECORDED_AT,
      links: { accountId: 'a-1' },
      facts: { key: 'tier', value: 'gold' },
      summary: 'Custom field set: tier',
    },
  ],
];

describe('accounts on the timeline', () => {
  it.each(cases)('%s: its time, links, facts and line', (_type, projected, expected) =>
    expectEntry(projected, expected),
  );

  it('leaves out what the event leaves out', () => {
    const archived = event<AccountArchived>('AccountArchived', {
      accountId: 'a-1',
      archivedAt: RECORDED_AT,
    });
    expect(summaryOf(archived)).toBe('Account archived');
    const registered = event<AccountRegistered>('AccountRegistered', {
      accountId: 'a-1',
      name: 'Acme Corp',
    });
    expect(summaryOf(registered)).toBe('Account registered: Acme Corp');
  });

  it('a custom field set to null reads as cleared', () => {
    const cleared = event<AccountCustomFieldSet>('AccountCustomFieldSet', {
      accountId: 'a-1',
      key: 'tier',
      value: null,
    });
    expect(summaryOf(cleared)).toBe('Custom field cleared: tier');
  });
});
