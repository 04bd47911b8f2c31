import { leadFunnel } from './lead-funnel.report';
import { aConvertedLead, aDeal, aLead, aWonDeal } from './reports.test-kit';

describe('leadFunnel', () => {
  const leads = [
    aLead('l1', { source: 'web', campaignId: 'c1' }), // captured only
    aLead('l2', {
      source: 'web',
      campaignId: 'c1',
      status: 'qualified',
      qualifiedAt: '2026-01-06T00:00:00.000Z',
    }),
    aConvertedLead('l3', 'd1', { source: 'web', campaignId: 'c1' }), // → won deal
    aConvertedLead('l4', 'd2', { source: 'web' }), // → deal reopened after a win: not won now
    aLead('l5', {
      source: 'referral',
      campaignId: 'c2',
      status: 'disqualified',
      qualifiedAt: '2026-01-06T00:00:00.000Z', // qualified once: still counts
      disqualifiedAt: '2026-01-08T00:00:00.000Z',
    }),
    aLead('l6', {
      source: 'referral',
      campaignId: 'c2',
      status: 'disqualified',
      disqualifiedAt: '2026-01-08T00:00:00.000Z',
    }),
    aConvertedLead('l7', 'd3', { source: 'referral' }), // → won deal
    aConvertedLead('l8', undefined, { source: 'event', campaignId: 'c1' }), // converted, no deal
  ];
  const deals = [
    aWonDeal('d1', '2026-02-01T00:00:00.000Z'),
    aDeal('d2', { reopenCount: 1, wonAt: '2026-02-01T00:00:00.000Z' }),
    aWonDeal('d3', '2026-02-01T00:00:00.000Z'),
    aWonDeal('d4', '2026-02-01T00:00:00.000Z'), // no lead converted into it
  ];

  it('counts each stage per source, in key order, with a total', () => {
    expect(leadFunnel(leads, deals, { groupBy: 'source' })).toEqual({
      groupBy: 'source',
      rows: [
        // l8: 1 captured, qualified (converted), converted, no deal
        {
          key: 'event',
          captured: 1,
          qualified: 1,
          converted: 1,
          won: 0,
          qualifiedRate: 1,
          convertedRate: 1,
          wonRate: 0,
          qualifiedToConvertedRate: 1,
        },
        // l5 l6 l7: qualified l5 l7 = 2/3 = 0.6667; converted l7 = 1/3 = 0.3333; won l7 = 1/3; 1/2 = 0.5
        {
          key: 'referral',
          captured: 3,
          qualified: 2,
          converted: 1,
          won: 1,
          qualifiedRate: 0.6667,
          convertedRate: 0.3333,
          wonRate: 0.3333,
          qualifiedToConvertedRate: 0.5,
        },
        // l1..l4: qualified l2 l3 l4 = 3/4; converted l3 l4 = 2/4; won l3 = 1/4; 2/3 = 0.6667
        {
          key: 'web',
          captured: 4,
          qualified: 3,
          converted: 2,
          won: 1,
          qualifiedRate: 0.75,
          convertedRate: 0.5,
          wonRate: 0.25,
          qualifiedToConvertedRate: 0.6667,
        },
      ],
      // 8 captured; qualified l2 l3 l4 l5 l7 l8 = 6/8; converted l3 l4 l7 l8 = 4/8; won l3 l7 = 2/8; 4/6
      total: {
        captured: 8,
        qualified: 6,
        converted: 4,
        won: 2,
        qualifiedRate: 0.75,
        convertedRate: 0.5,
        wonRate: 0.25,
        qualifiedToConvertedRate: 0.6667,
      },
    });
  });

  it('groups by campaign, leads without one under (none)', () => {
    expect(leadFunnel(leads, deals, { groupBy: 'campaign' }).rows).toEqual([
      // l4 l7: both converted; won l7 = 1/2
      {
        key: '(none)',
        captured: 2,
        qualified: 2,
        converted: 2,
        won: 1,
        qualifiedRate: 1,
        convertedRate: 1,
        wonRate: 0.5,
        qualifiedToConvertedRate: 1,
      },
      // l1 l2 l3 l8: qualified l2 l3 l8 = 3/4; converted l3 l8 = 2/4; won l3 = 1/4; 2/3
      {
        key: 'c1',
        captured: 4,
        qualified: 3,
        converted: 2,
        won: 1,
        qualifiedRate: 0.75,
        convertedRate: 0.5,
        wonRate: 0.25,
        qualifiedToConvertedRate: 0.6667,
      },
      // l5 l6: qualified l5 = 1/2; nothing converted: 0/2, 0/1
      {
        key: 'c2',
        captured: 2,
        qualified: 1,
        converted: 0,
        won: 0,
        qualifiedRate: 0.5,
        convertedRate: 0,
        wonRate: 0,
        qualifiedToConvertedRate: 0,
      },
    ]);
  });

  it('gives null rates where nothing was qualified or captured', () => {
    expect(leadFunnel([aLead('l1')], [], { groupBy: 'source' }).rows).toEqual([
      {
        key: 'web',
        captured: 1,
        qualified: 0,
        converted: 0,
        won: 0,
        qualifiedRate: 0,
        convertedRate: 0,
        wonRate: 0,
        qualifiedToConvertedRate: null,
      },
    ]);
    expect(leadFunnel([], deals, { groupBy: 'campaign' })).toEqual({
      groupBy: 'campaign',
      rows: [],
      total: {
        captured: 0,
        qualified: 0,
        converted: 0,
        won: 0,
        qualifiedRate: null,
        convertedRate: null,
        wonRate: null,
        qualifiedToConvertedRate: null,
      },
    });
  });
});
