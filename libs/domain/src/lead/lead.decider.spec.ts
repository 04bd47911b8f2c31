import { DeciderSpecification, SPEC_NOW } from '@crm/testing';
import { foldEvents } from '../shared';
import { leadDecider } from './lead.decider';
import { LeadEvent } from './lead.events';

const leadId = 'lead-1';
const at = SPEC_NOW.toISOString();
const contact = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@analytical.example',
  company: 'Analytical Engines',
  title: 'CTO',
};
const captured: LeadEvent = {
  type: 'LeadCaptured',
  data: {
    leadId,
    source: 'webinar',
    campaignId: 'campaign-3',
    contact,
    score: 10,
    ownerId: 'user-7',
    capturedAt: at,
  },
};
const qualified: LeadEvent = { type: 'LeadQualified', data: { leadId, qualifiedAt: at } };
const disqualified: LeadEvent = {
  type: 'LeadDisqualified',
  data: { leadId, reason: 'no budget', disqualifiedAt: at },
};
const converted: LeadEvent = {
  type: 'LeadConverted',
  data: {
    leadId,
    contactId: 'contact-1',
    contact,
    ownerId: 'user-7',
    source: 'webinar',
    campaignId: 'campaign-3',
    convertedAt: at,
  },
};
const deal = {
  dealId: 'deal-1',
  title: 'Analytical Engines - 50 seats',
  pipelineId: 'pipeline-1',
  stageId: 'stage-discovery',
  amount: { amount: 50000, currency: 'EUR' },
  expectedCloseDate: '2026-03-31',
};
const spec = DeciderSpecification.for(leadDecider);

describe('Lead decider', () => {
  describe('CaptureLead', () => {
    it('captures a lead with its initial score', () =>
      spec
        .given([])
        .when({
          type: 'CaptureLead',
          data: {
            leadId,
            source: 'webinar',
            campaignId: 'campaign-3',
            contact,
            initialScore: 10,
            ownerId: 'user-7',
          },
        })
        .then([captured]));

    it('records the fit profile, the country upper-case', () => {
      const profile = { industry: 'Software', companySize: 40 };
      return spec
        .given([])
        .when({
          type: 'CaptureLead',
          data: { leadId, source: 'webinar', contact: { ...contact, ...profile, country: 'de' } },
        })
        .then([
          {
            type: 'LeadCaptured',
            data: {
              leadId,
              source: 'webinar',
              contact: { ...contact, ...profile, country: 'DE' },
              score: 0,
              capturedAt: at,
            },
          },
        ]);
    });

    it('starts the score at 0 and accepts a phone as the only channel', () =>
      spec
        .given([])
        .when({
          type: 'CaptureLead',
          data: {
            leadId,
            source: 'trade show',
            contact: { firstName: 'Alan', lastName: 'Turing', phone: '+44 20 7946 0000' },
          },
        })
        .then([
          {
            type: 'LeadCaptured',
            data: {
              leadId,
              source: 'trade show',
              contact: { firstName: 'Alan', lastName: 'Turing', phone: '+44 20 7946 0000' },
              score: 0,
              capturedAt: at,
            },
          },
        ]));

    it('refuses a contact with neither email nor phone', () =>
      spec
        .given([])
        .when({
          type: 'CaptureLead',
          data: { leadId, source: 'webinar', contact: { firstName: 'Ada', lastName: 'Lovelace' } },
        })
        .thenThrows('LEAD_NO_CONTACT_CHANNEL', 'rule'));

    it('refuses blank email and phone', () =>
      spec
        .given([])
        .when({
          type: 'CaptureLead',
          data: {
            leadId,
            source: 'webinar',
            contact: { firstName: 'Ada', lastName: 'Lovelace', email: ' ', phone: '' },
          },
        })
        .thenThrows('LEAD_NO_CONTACT_CHANNEL'));

    it('refuses an initial score that is not an integer', () =>
      spec
        .given([])
        .when({
          type: 'CaptureLead',
          data: { leadId, source: 'webinar', contact, initialScore: 2.5 },
        })
        .thenThrows('LEAD_INVALID_SCORE'));

    it('refuses a lead id that already exists', () =>
      spec
        .given([captured])
        .when({ type: 'CaptureLead', data: { leadId, source: 'webinar', contact } })
        .thenThrows('LEAD_ALREADY_EXISTS', 'already_exists'));
  });

  describe('AdjustLeadScore', () => {
    it('adds the delta and records the new total', () =>
      spec
        .given([captured])
        .when({ type: 'AdjustLeadScore', data: { leadId, delta: 15, reason: 'opened pricing' } })
        .then([
          {
            type: 'LeadScoreAdjusted',
            data: { leadId, delta: 15, reason: 'opened pricing', score: 25 },
          },
        ]));

    it('subtracts a negative delta from the latest total', () =>
      spec
        .given([
          captured,
          {
            type: 'LeadScoreAdjusted',
            data: { leadId, delta: 15, reason: 'opened pricing', score: 25 },
          },
        ])
        .when({ type: 'AdjustLeadScore', data: { leadId, delta: -30, reason: 'unsubscribed' } })
        .then([
          {
            type: 'LeadScoreAdjusted',
            data: { leadId, delta: -30, reason: 'unsubscribed', score: -5 },
          },
        ]));

    it('still scores a disqualified lead', () =>
      spec
        .given([captured, disqualified])
        .when({ type: 'AdjustLeadScore', data: { leadId, delta: 5, reason: 'came back' } })
        .then([
          { type: 'LeadScoreAdjusted', data: { leadId, delta: 5, reason: 'came back', score: 15 } },
        ]));

    it('refuses a delta of 0', () =>
      spec
        .given([captured])
        .when({ type: 'AdjustLeadScore', data: { leadId, delta: 0, reason: 'nothing' } })
        .thenThrows('LEAD_SCORE_DELTA_ZERO'));

    it('refuses a delta that is not an integer', () =>
      spec
        .given([captured])
        .when({ type: 'AdjustLeadScore', data: { leadId, delta: 0.5, reason: 'half' } })
        .thenThrows('LEAD_SCORE_DELTA_NOT_INTEGER'));

    it('refuses a converted lead', () =>
      spec
        .given([captured, qualified, converted])
        .when({ type: 'AdjustLeadScore', data: { leadId, delta: 5, reason: 'late click' } })
        .thenThrows('LEAD_CONVERTED'));

    it('refuses an unknown lead', () =>
      spec
        .given([])
        .when({ type: 'AdjustLeadScore', data: { leadId, delta: 5, reason: 'click' } })
        .thenThrows('LEAD_NOT_FOUND', 'not_found'));
  });

  describe('AssignLead', () => {
    it('assigns a new owner and remembers the previous one', () =>
      spec
        .given([captured])
        .when({ type: 'AssignLead', data: { leadId, ownerId: 'user-9' } })
        .then([
          { type: 'LeadAssigned', data: { leadId, ownerId: 'user-9', previousOwnerId: 'user-7' } },
        ]));

    it('assigns a lead that had no owner', () =>
      spec
        .given([
          {
            type: 'LeadCaptured',
            data: { leadId, source: 'webinar', contact, score: 0, capturedAt: at },
          },
        ])
        .when({ type: 'AssignLead', data: { leadId, ownerId: 'user-9' } })
        .then([{ type: 'LeadAssigned', data: { leadId, ownerId: 'user-9' } }]));

    it('records nothing when the owner does not change', () =>
      spec
        .given([captured])
        .when({ type: 'AssignLead', data: { leadId, ownerId: 'user-7' } })
        .thenNothingHappens());

    it('refuses a converted lead', () =>
      spec
        .given([captured, qualified, converted])
        .when({ type: 'AssignLead', data: { leadId, ownerId: 'user-9' } })
        .thenThrows('LEAD_CONVERTED'));

    it('unassigns the lead with a null owner, naming who owned it', () =>
      spec
        .given([captured])
        .when({ type: 'AssignLead', data: { leadId, ownerId: null } })
        .then([{ type: 'LeadUnassigned', data: { leadId, previousOwnerId: 'user-7' } }]));

    it('records nothing when a lead without an owner is unassigned', () =>
      spec
        .given([captured, { type: 'LeadUnassigned', data: { leadId, previousOwnerId: 'user-7' } }])
        .when({ type: 'AssignLead', data: { leadId, ownerId: null } })
        .thenNothingHappens());

    it('refuses an unknown lead', () =>
      spec
        .given([])
        .when({ type: 'AssignLead', data: { leadId, ownerId: 'user-9' } })
        .thenThrows('LEAD_NOT_FOUND', 'not_found'));
  });

  describe('QualifyLead', () => {
    it('qualifies a new lead', () =>
      spec.given([captured]).when({ type: 'QualifyLead', data: { leadId } }).then([qualified]));

    it('qualifies a disqualified lead again, with a note', () =>
      spec
        .given([captured, disqualified])
        .when({ type: 'QualifyLead', data: { leadId, note: 'budget approved' } })
        .then([
          { type: 'LeadQualified', data: { leadId, note: 'budget approved', qualifiedAt: at } },
        ]));

    it('records nothing when the lead is already qualified', () =>
      spec
        .given([captured, qualified])
        .when({ type: 'QualifyLead', data: { leadId } })
        .thenNothingHappens());

    it('refuses a converted lead', () =>
      spec
        .given([captured, qualified, converted])
        .when({ type: 'QualifyLead', data: { leadId } })
        .thenThrows('LEAD_CONVERTED'));

    it('refuses an unknown lead', () =>
      spec
        .given([])
        .when({ type: 'QualifyLead', data: { leadId } })
        .thenThrows('LEAD_NOT_FOUND', 'not_found'));
  });

  describe('DisqualifyLead', () => {
    it('disqualifies a new lead', () =>
      spec
        .given([captured])
        .when({ type: 'DisqualifyLead', data: { leadId, reason: 'no budget' } })
        .then([disqualified]));

    it('disqualifies a qualified lead', () =>
      spec
        .given([captured, qualified])
        .when({ type: 'DisqualifyLead', data: { leadId, reason: 'no budget' } })
        .then([disqualified]));

    it('records nothing when the lead is already disqualified', () =>
      spec
        .given([captured, disqualified])
        .when({ type: 'DisqualifyLead', data: { leadId, reason: 'still no budget' } })
        .thenNothingHappens());

    it('refuses a converted lead', () =>
      spec
        .given([captured, qualified, converted])
        .when({ type: 'DisqualifyLead', data: { leadId, reason: 'no budget' } })
        .thenThrows('LEAD_CONVERTED'));

    it('refuses an unknown lead', () =>
      spec
        .given([])
        .when({ type: 'DisqualifyLead', data: { leadId, reason: 'no budget' } })
        .thenThrows('LEAD_NOT_FOUND', 'not_found'));
  });

  describe('ConvertLead', () => {
    it('converts a qualified lead into a contact, carrying the lead data', () =>
      spec
        .given([captured, qualified])
        .when({ type: 'ConvertLead', data: { leadId, contactId: 'contact-1' } })
        .then([converted]));

    it('carries the account and the deal to create, with the latest owner', () =>
      spec
        .given([
          captured,
          { type: 'LeadAssigned', data: { leadId, ownerId: 'user-9', previousOwnerId: 'user-7' } },
          qualified,
        ])
        .when({
          type: 'ConvertLead',
          data: {
            leadId,
            contactId: 'contact-1',
            account: { accountId: 'account-1', createWithName: 'Analytical Engines' },
            deal,
          },
        })
        .then([
          {
            type: 'LeadConverted',
            data: {
              leadId,
              contactId: 'contact-1',
              account: { accountId: 'account-1', createWithName: 'Analytical Engines' },
              deal: { ...deal, amount: { amountMinor: 5_000_000, currency: 'EUR' } },
              contact,
              ownerId: 'user-9',
              source: 'webinar',
              campaignId: 'campaign-3',
              convertedAt: at,
            },
          },
        ]));

    it('refuses a deal amount that is not exact in its currency', () =>
      spec
        .given([captured, qualified])
        .when({
          type: 'ConvertLead',
          data: {
            leadId,
            contactId: 'contact-1',
            deal: { ...deal, amount: { amount: 10.005, currency: 'EUR' } },
          },
        })
        .thenThrows('LEAD_INVALID_DEAL_AMOUNT'));

    it('refuses a new lead', () =>
      spec
        .given([captured])
        .when({ type: 'ConvertLead', data: { leadId, contactId: 'contact-1' } })
        .thenThrows('LEAD_NOT_QUALIFIED'));

    it('refuses a disqualified lead', () =>
      spec
        .given([captured, qualified, disqualified])
        .when({ type: 'ConvertLead', data: { leadId, contactId: 'contact-1' } })
        .thenThrows('LEAD_NOT_QUALIFIED'));

    it('refuses a lead converted already', () =>
      spec
        .given([captured, qualified, converted])
        .when({ type: 'ConvertLead', data: { leadId, contactId: 'contact-2' } })
        .thenThrows('LEAD_CONVERTED'));

    it('refuses an unknown lead', () =>
      spec
        .given([])
        .when({ type: 'ConvertLead', data: { leadId, contactId: 'contact-1' } })
        .thenThrows('LEAD_NOT_FOUND', 'not_found'));
  });

  describe('state', () => {
    it('follows status, score and owner', () => {
      expect(
        foldEvents(leadDecider, [
          captured,
          { type: 'LeadScoreAdjusted', data: { leadId, delta: 5, reason: 'demo', score: 15 } },
          { type: 'LeadAssigned', data: { leadId, ownerId: 'user-9', previousOwnerId: 'user-7' } },
          qualified,
          converted,
        ]),
      ).toEqual({
        exists: true,
        leadId,
        status: 'converted',
        source: 'webinar',
        campaignId: 'campaign-3',
        contact,
        score: 15,
        rulePoints: {},
        marketingQualified: false,
        engagements: {},
        ownerId: 'user-9',
      });
    });

    it('starts absent', () => {
      expect(leadDecider.initialState()).toEqual({ exists: false });
    });

    it('records events as plain JSON, without undefined fields', () => {
      const events = leadDecider.decide(
        {
          type: 'CaptureLead',
          data: {
            leadId,
            source: 'webinar',
            campaignId: undefined,
            contact: {
              firstName: 'Alan',
              lastName: 'Turing',
              email: 'alan@example.org',
              phone: undefined,
            },
            ownerId: undefined,
          },
          metadata: { now: SPEC_NOW },
        },
        leadDecider.initialState(),
      );
      expect(events).toStrictEqual(JSON.parse(JSON.stringify(events)));
    });
  });
});
