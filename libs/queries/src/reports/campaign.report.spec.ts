import { campaignReport } from './campaign.report';
import { aCampaign, aConvertedLead, aDeal, aLead, aWonDeal, eur, usd } from './reports.test-kit';

describe('campaignReport', () => {
  const WON_AT = '2026-02-01T00:00:00.000Z';
  const campaigns = [
    aCampaign('c3', { name: 'Webinar', channel: 'webinar', budget: eur(100) }),
    aCampaign('c1', {
      name: 'Spring',
      channel: 'email',
      budget: eur(1000),
      memberCount: 40,
      touchCounts: { sent: 100, opened: 50, clicked: 10, responded: 2 },
    }),
    aCampaign('c2', { name: 'Fair', channel: 'events', budget: usd(500) }),
  ];
  const leads = [
    aConvertedLead('l1', 'd1', { campaignId: 'c1' }),
    aConvertedLead('l2', 'd2', { campaignId: 'c1' }),
    aConvertedLead('l3', 'd3', { campaignId: 'c1' }),
    aConvertedLead('l4', undefined, { campaignId: 'c1' }), // converted without a deal
    aLead('l5', { campaignId: 'c1' }),
    aConvertedLead('l12', 'd8', { campaignId: 'c1' }),
    aConvertedLead('l6', 'd4', {}), // no campaign
    aLead('l7', { campaignId: 'c3' }),
    aConvertedLead('l8', 'd-unknown', { campaignId: 'c3' }), // its deal is not among `deals`
    aConvertedLead('l9', 'd5', { campaignId: 'c3' }),
    aLead('l10', { campaignId: 'c9' }), // a campaign with no document
  ];
  const deals = [
    aWonDeal('d1', WON_AT, { amount: eur(1200) }),
    aWonDeal('d2', WON_AT, { amount: usd(800) }),
    aDeal('d3', { amount: eur(5000) }), // open
    aWonDeal('d4', WON_AT, { amount: eur(7000) }),
    aWonDeal('d5', WON_AT, { amount: eur(50.5) }),
    aWonDeal('d8', WON_AT, { amount: eur(300.25) }),
  ];

  it('follows each campaign from reach to leads, deals and revenue, by campaign id', () => {
    expect(campaignReport(campaigns, leads, deals)).toEqual([
      {
        campaignId: 'c1',
        name: 'Spring',
        channel: 'email',
        members: 40,
        touches: { sent: 100, opened: 50, clicked: 10, responded: 2 },
        leads: 6, // l1 l2 l3 l4 l5 l12
        deals: 4, // d1 d2 d3 d8
        wonDeals: 3, // d1 d2 d8
        // EUR 1200 + 300.25; USD 800 apart
        revenue: [
          { currency: 'EUR', amount: 1500.25 },
          { currency: 'USD', amount: 800 },
        ],
        budget: { currency: 'EUR', amount: 1000 },
        costPerLead: { currency: 'EUR', amount: 166.67 }, // 1000 / 6 = 166.666…
      },
      {
        campaignId: 'c2',
        name: 'Fair',
        channel: 'events',
        members: 0,
        touches: { sent: 0, opened: 0, clicked: 0, responded: 0 },
        leads: 0,
        deals: 0,
        wonDeals: 0,
        revenue: [],
        budget: { currency: 'USD', amount: 500 },
        costPerLead: null, // no leads: 500 / 0
      },
      {
        campaignId: 'c3',
        name: 'Webinar',
        channel: 'webinar',
        members: 0,
        touches: { sent: 0, opened: 0, clicked: 0, responded: 0 },
        leads: 3, // l7 l8 l9
        deals: 2, // d-unknown d5
        wonDeals: 1, // d5
        revenue: [{ currency: 'EUR', amount: 50.5 }],
        budget: { currency: 'EUR', amount: 100 },
        costPerLead: { currency: 'EUR', amount: 33.33 }, // 100 / 3 = 33.333…
      },
    ]);
  });

  it('is empty without campaigns', () => {
    expect(campaignReport([], leads, deals)).toEqual([]);
  });
});
