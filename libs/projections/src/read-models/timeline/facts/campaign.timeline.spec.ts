import { CampaignTouchRecorded } from '@crm/domain';
import { expectEntry, TimelineCase, timelineEvent as event } from '../timeline.test-kit';

const cases: TimelineCase[] = [
  [
    'CampaignTouchRecorded',
    event<CampaignTouchRecorded>('CampaignTouchRecorded', {
      campaignId: 'cmp-1',
      contactId: 'c-1',
      touch: 'opened',
      occurredAt: '2026-01-05T08:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-05T08:00:00.000Z',
      links: { campaignId: 'cmp-1', contactId: 'c-1' },
      facts: { campaignId: 'cmp-1', touch: 'opened' },
      summary: 'Campaign cmp-1: opened',
    },
  ],
];

describe('campaigns on the timeline', () => {
  it.each(cases)('%s: its time, links, facts and line', (_type, projected, expected) =>
    expectEntry(projected, expected),
  );
});
