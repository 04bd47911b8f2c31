import {
  DealAmountChanged,
  DealLost,
  DealOpened,
  DealReopened,
  DealStageMoved,
  DealWon,
} from '@crm/domain';
import {
  expectEntry,
  RECORDED_AT,
  summaryOf,
  TimelineCase,
  timelineEvent as event,
} from '../timeline.test-kit';
import { STAGE_NAMING_KINDS } from './deal.timeline';

const gbp = (amountMinor: number) => ({ amountMinor, currency: 'GBP' });

const cases: TimelineCase[] = [
  [
    'DealOpened',
    event<DealOpened>('DealOpened', {
      dealId: 'd-1',
      title: 'Engine licence',
      accountId: 'a-1',
      contactId: 'c-1',
      amount: gbp(500000),
      pipelineId: 'p-1',
      stageId: 's-1',
      probability: 0.2,
      expectedCloseDate: '2026-03-01',
      ownerId: 'user-2',
      origin: { leadId: 'l-1' },
      openedAt: '2026-01-13T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-13T10:00:00.000Z',
      links: { dealId: 'd-1', contactId: 'c-1', accountId: 'a-1', leadId: 'l-1' },
      facts: { title: 'Engine licence', amount: gbp(500000) },
      summary: 'Deal opened: Engine licence (5000 GBP)',
    },
  ],
  [
    'DealStageMoved',
    event<DealStageMoved>('DealStageMoved', {
      dealId: 'd-1',
      fromStageId: 's-1',
      toStageId: 's-2',
      probability: 0.6,
      movedAt: '2026-01-14T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-14T10:00:00.000Z',
      links: { dealId: 'd-1' },
      facts: { fromStageId: 's-1', toStageId: 's-2', probability: 0.6 },
      summary: 'Stage moved: s-1 → s-2 (60%)',
    },
  ],
  [
    'DealWon',
    event<DealWon>('DealWon', {
      dealId: 'd-1',
      amount: gbp(520000),
      wonAt: '2026-01-15T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-15T10:00:00.000Z',
      links: { dealId: 'd-1' },
      facts: { amount: gbp(520000) },
      summary: 'Deal won (5200 GBP)',
    },
  ],
  [
    'DealLost',
    event<DealLost>('DealLost', {
      dealId: 'd-1',
      reason: 'chose a competitor',
      lostAt: '2026-01-16T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-16T10:00:00.000Z',
      links: { dealId: 'd-1' },
      facts: { reason: 'chose a competitor' },
      summary: 'Deal lost: chose a competitor',
    },
  ],
  [
    'DealReopened',
    event<DealReopened>('DealReopened', {
      dealId: 'd-1',
      stageId: 's-2',
      probability: 0.4,
      reopenedAt: '2026-01-17T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-17T10:00:00.000Z',
      links: { dealId: 'd-1' },
      facts: { stageId: 's-2', probability: 0.4 },
      summary: 'Deal reopened in stage s-2 (40%)',
    },
  ],
  [
    'DealAmountChanged',
    event<DealAmountChanged>('DealAmountChanged', {
      dealId: 'd-1',
      previousAmount: gbp(500000),
      amount: gbp(520000),
    }),
    {
      occurredAt: RECORDED_AT,
      links: { dealId: 'd-1' },
      facts: { previousAmount: gbp(500000), amount: gbp(520000) },
      summary: 'Amount changed: 5000 GBP → 5200 GBP',
    },
  ],
];

describe('deals on the timeline', () => {
  it.each(cases)('%s: its time, links, facts and line', (_type, projected, expected) =>
    expectEntry(projected, expected),
  );

  it('stage moves and reopenings name their stages by the names given when read', () => {
    const names = { stage: (stageId: string) => ({ 's-1': 'Proposal' })[stageId] ?? 'Negotiation' };
    const moved = cases[1][1];
    const reopened = cases[4][1];
    expect(summaryOf(moved, names)).toBe('Stage moved: Proposal → Negotiation (60%)');
    expect(summaryOf(reopened, names)).toBe('Deal reopened in stage Negotiation (40%)');
    expect([...STAGE_NAMING_KINDS].sort()).toEqual(['DealReopened', 'DealStageMoved']);
  });
});
