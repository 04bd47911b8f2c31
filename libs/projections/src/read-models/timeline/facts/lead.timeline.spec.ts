import {
  LeadCaptured,
  LeadConverted,
  LeadDisqualified,
  LeadEngaged,
  LeadMarketingQualified,
  LeadQualified,
  LeadScored,
} from '@crm/domain';
import {
  entryOf,
  expectEntry,
  RECORDED_AT,
  summaryOf,
  TimelineCase,
  timelineEvent as event,
} from '../timeline.test-kit';

const ENGINE_LICENCE = { amountMinor: 500000, currency: 'GBP' };

const cases: TimelineCase[] = [
  [
    'LeadCaptured',
    event<LeadCaptured>('LeadCaptured', {
      leadId: 'l-1',
      source: 'webinar',
      campaignId: 'cmp-1',
      contact: { firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Engines' },
      score: 10,
      capturedAt: '2026-01-10T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-10T10:00:00.000Z',
      links: { leadId: 'l-1', campaignId: 'cmp-1' },
      facts: {
        source: 'webinar',
        firstName: 'Ada',
        lastName: 'Lovelace',
        company: 'Analytical Engines',
        score: 10,
      },
      summary: 'Lead captured from webinar: Ada Lovelace (Analytical Engines), score 10',
    },
  ],
  [
    'LeadScored',
    event<LeadScored>('LeadScored', {
      leadId: 'l-1',
      modelVersion: 2,
      changes: [
        { rule: 'webinar-attendee', points: 20 },
        { rule: 'free-mail', points: -5 },
      ],
      score: 25,
    }),
    {
      occurredAt: RECORDED_AT,
      links: { leadId: 'l-1' },
      facts: {
        modelVersion: 2,
        changes: [
          { rule: 'webinar-attendee', points: 20 },
          { rule: 'free-mail', points: -5 },
        ],
      },
      summary: 'Score +15 (model v2: webinar-attendee +20, free-mail -5)',
    },
  ],
  [
    'LeadMarketingQualified',
    event<LeadMarketingQualified>('LeadMarketingQualified', {
      leadId: 'l-1',
      modelVersion: 2,
      score: 45,
      threshold: 40,
      qualifiedAt: '2026-01-16T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-16T10:00:00.000Z',
      links: { leadId: 'l-1' },
      facts: { modelVersion: 2, score: 45, threshold: 40 },
      summary: 'Lead marketing-qualified: score 45 reached 40 (model v2)',
    },
  ],
  [
    'LeadEngaged',
    event<LeadEngaged>('LeadEngaged', {
      leadId: 'l-1',
      kind: 'campaign-clicked',
      at: '2026-01-15T10:00:00.000Z',
      sourceEventId: 'touch-1',
    }),
    {
      occurredAt: '2026-01-15T10:00:00.000Z',
      links: { leadId: 'l-1' },
      facts: { kind: 'campaign-clicked' },
      summary: 'Lead engaged: campaign-clicked',
    },
  ],
  [
    'LeadQualified',
    event<LeadQualified>('LeadQualified', {
      leadId: 'l-1',
      note: 'budget confirmed',
      qualifiedAt: '2026-01-11T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-11T10:00:00.000Z',
      links: { leadId: 'l-1' },
      facts: { note: 'budget confirmed' },
      summary: 'Lead qualified: budget confirmed',
    },
  ],
  [
    'LeadDisqualified',
    event<LeadDisqualified>('LeadDisqualified', {
      leadId: 'l-1',
      reason: 'no budget',
      disqualifiedAt: '2026-01-12T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-12T10:00:00.000Z',
      links: { leadId: 'l-1' },
      facts: { reason: 'no budget' },
      summary: 'Lead disqualified: no budget',
    },
  ],
  [
    'LeadConverted',
    event<LeadConverted>('LeadConverted', {
      leadId: 'l-1',
      contactId: 'c-1',
      account: { accountId: 'a-1' },
      deal: {
        dealId: 'd-1',
        title: 'Engine licence',
        pipelineId: 'p-1',
        stageId: 's-1',
        amount: ENGINE_LICENCE,
        expectedCloseDate: '2026-03-01',
      },
      contact: { firstName: 'Ada', lastName: 'Lovelace' },
      source: 'webinar',
      campaignId: 'cmp-1',
      convertedAt: '2026-01-13T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-13T10:00:00.000Z',
      links: {
        leadId: 'l-1',
        contactId: 'c-1',
        accountId: 'a-1',
        dealId: 'd-1',
        campaignId: 'cmp-1',
      },
      facts: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        contactId: 'c-1',
        account: { accountId: 'a-1' },
        deal: { title: 'Engine licence', amount: ENGINE_LICENCE },
      },
      summary:
        'Lead Ada Lovelace converted: contact c-1, account a-1, deal Engine licence (5000 GBP)',
    },
  ],
];

describe('leads on the timeline', () => {
  it.each(cases)('%s: its time, links, facts and line', (_type, projected, expected) =>
    expectEntry(projected, expected),
  );

  it('a conversion into a new account and no deal says so and links no deal', () => {
    const conversion = event<LeadConverted>('LeadConverted', {
      leadId: 'l-1',
      contactId: 'c-1',
      account: { accountId: 'a-9', createWithName: 'Engines Ltd' },
      contact: { firstName: 'Ada', lastName: 'Lovelace' },
      source: 'webinar',
      convertedAt: RECORDED_AT,
    });
    expect(summaryOf(conversion)).toBe(
      'Lead Ada Lovelace converted: contact c-1, new account Engines Ltd',
    );
    expect(entryOf(conversion)).not.toHaveProperty('dealId');
    expect(entryOf(conversion)).not.toHaveProperty('campaignId');
  });
});
