import { DeciderSpecification, SPEC_NOW } from '@crm/testing';
import { campaignDecider } from './campaign.decider';
import { CampaignEvent } from './campaign.events';
import { CampaignState } from './campaign.state';

const campaignId = 'campaign-1';
const campaign = {
  campaignId,
  name: 'Spring webinar series',
  channel: 'webinar' as const,
  budget: { amount: 5000, currency: 'EUR' },
  startsOn: '2026-03-01',
  endsOn: '2026-03-31',
};
const created: CampaignEvent = {
  type: 'CampaignCreated',
  data: { ...campaign, budget: { amountMinor: 500000, currency: 'EUR' } },
};
const membersAdded: CampaignEvent = {
  type: 'CampaignMembersAdded',
  data: { campaignId, contactIds: ['contact-1', 'contact-2'] },
};
const completed: CampaignEvent = {
  type: 'CampaignCompleted',
  data: { campaignId, completedAt: '2026-04-01T09:00:00.000Z' },
};
const touch = {
  campaignId,
  contactId: 'contact-1',
  touch: 'opened' as const,
  occurredAt: '2026-03-02T08:15:00.000Z',
};
const spec = DeciderSpecification.for(campaignDecider);

describe('Campaign decider', () => {
  describe('CreateCampaign', () => {
    it('creates a campaign', () =>
      spec.given([]).when({ type: 'CreateCampaign', data: campaign }).then([created]));

    it('accepts a one-day campaign with no budget', () =>
      spec
        .given([])
        .when({
          type: 'CreateCampaign',
          data: { ...campaign, budget: { amount: 0, currency: 'EUR' }, endsOn: '2026-03-01' },
        })
        .then([
          {
            type: 'CampaignCreated',
            data: {
              ...campaign,
              budget: { amountMinor: 0, currency: 'EUR' },
              endsOn: '2026-03-01',
            },
          },
        ]));

    it('refuses a campaign that ends before it starts', () =>
      spec
        .given([])
        .when({ type: 'CreateCampaign', data: { ...campaign, endsOn: '2026-02-28' } })
        .thenThrows('CAMPAIGN_INVALID_PERIOD', 'rule'));

    it('refuses a date that is not a calendar day', () =>
      spec
        .given([])
        .when({ type: 'CreateCampaign', data: { ...campaign, endsOn: '2026-02-30' } })
        .thenThrows('CAMPAIGN_INVALID_PERIOD', 'rule'));

    it('refuses a negative budget', () =>
      spec
        .given([])
        .when({
          type: 'CreateCampaign',
          data: { ...campaign, budget: { amount: -1, currency: 'EUR' } },
        })
        .thenThrows('CAMPAIGN_NEGATIVE_BUDGET', 'rule'));

    it('refuses a budget finer than its currency minor unit', () =>
      spec
        .given([])
        .when({
          type: 'CreateCampaign',
          data: { ...campaign, budget: { amount: 1e-7, currency: 'EUR' } },
        })
        .thenThrows('CAMPAIGN_INVALID_BUDGET', 'rule'));

    it('refuses a budget whose currency is not an ISO 4217 code (the check every amount gets)', () =>
      spec
        .given([])
        .when({
          type: 'CreateCampaign',
          data: { ...campaign, budget: { amount: 100, currency: 'eur' } },
        })
        .thenThrows('CAMPAIGN_INVALID_CURRENCY', 'rule'));

    it('refuses a campaign id that already exists', () =>
      spec
        .given([created])
        .when({ type: 'CreateCampaign', data: campaign })
        .thenThrows('CAMPAIGN_ALREADY_EXISTS', 'already_exists'));
  });

  describe('AddCampaignMembers', () => {
    it('adds contacts as members', () =>
      spec
        .given([created])
        .when({
          type: 'AddCampaignMembers',
          data: { campaignId, contactIds: ['contact-1', 'contact-2'] },
        })
        .then([membersAdded]));

    it('adds only contacts not yet members, each once', () =>
      spec
        .given([created, membersAdded])
        .when({
          type: 'AddCampaignMembers',
          data: { campaignId, contactIds: ['contact-3', 'contact-1', 'contact-3', 'contact-4'] },
        })
        .then([
          {
            type: 'CampaignMembersAdded',
            data: { campaignId, contactIds: ['contact-3', 'contact-4'] },
          },
        ]));

    it('treats ids that look like object keys as plain contact ids', () =>
      spec
        .given([created])
        .when({
          type: 'AddCampaignMembers',
          data: { campaignId, contactIds: ['constructor', '__proto__', 'toString'] },
        })
        .then([
          {
            type: 'CampaignMembersAdded',
            data: { campaignId, contactIds: ['constructor', '__proto__', 'toString'] },
          },
        ]));

    it('adds back a contact that was removed', () =>
      spec
        .given([
          created,
          membersAdded,
          { type: 'CampaignMembersRemoved', data: { campaignId, contactIds: ['contact-1'] } },
        ])
        .when({ type: 'AddCampaignMembers', data: { campaignId, contactIds: ['contact-1'] } })
        .then([{ type: 'CampaignMembersAdded', data: { campaignId, contactIds: ['contact-1'] } }]));

    it('records nothing when every contact is already a member', () =>
      spec
        .given([created, membersAdded])
        .when({
          type: 'AddCampaignMembers',
          data: { campaignId, contactIds: ['contact-2', 'contact-1', 'contact-2'] },
        })
        .thenNothingHappens());

    it('records nothing for an empty list', () =>
      spec
        .given([created])
        .when({ type: 'AddCampaignMembers', data: { campaignId, contactIds: [] } })
        .thenNothingHappens());

    it('refuses an unknown campaign', () =>
      spec
        .given([])
        .when({ type: 'AddCampaignMembers', data: { campaignId, contactIds: ['contact-1'] } })
        .thenThrows('CAMPAIGN_NOT_FOUND', 'not_found'));

    it('refuses a completed campaign', () =>
      spec
        .given([created, completed])
        .when({ type: 'AddCampaignMembers', data: { campaignId, contactIds: ['contact-1'] } })
        .thenThrows('CAMPAIGN_COMPLETED', 'rule'));
  });

  describe('RemoveCampaignMembers', () => {
    it('removes only actual members, each once', () =>
      spec
        .given([created, membersAdded])
        .when({
          type: 'RemoveCampaignMembers',
          data: { campaignId, contactIds: ['contact-9', 'contact-2', 'contact-2'] },
        })
        .then([
          { type: 'CampaignMembersRemoved', data: { campaignId, contactIds: ['contact-2'] } },
        ]));

    it('removes a member whose id looks like an object key', () =>
      spec
        .given([
          created,
          { type: 'CampaignMembersAdded', data: { campaignId, contactIds: ['__proto__'] } },
          { type: 'CampaignMembersRemoved', data: { campaignId, contactIds: ['__proto__'] } },
        ])
        .when({ type: 'AddCampaignMembers', data: { campaignId, contactIds: ['__proto__'] } })
        .then([{ type: 'CampaignMembersAdded', data: { campaignId, contactIds: ['__proto__'] } }]));

    it('records nothing when no contact is a member', () =>
      spec
        .given([created, membersAdded])
        .when({
          type: 'RemoveCampaignMembers',
          data: { campaignId, contactIds: ['contact-9', 'constructor'] },
        })
        .thenNothingHappens());

    it('records nothing for a contact already removed', () =>
      spec
        .given([
          created,
          membersAdded,
          { type: 'CampaignMembersRemoved', data: { campaignId, contactIds: ['contact-1'] } },
        ])
        .when({ type: 'RemoveCampaignMembers', data: { campaignId, contactIds: ['contact-1'] } })
        .thenNothingHappens());

    it('refuses an unknown campaign', () =>
      spec
        .given([])
        .when({ type: 'RemoveCampaignMembers', data: { campaignId, contactIds: ['contact-1'] } })
        .thenThrows('CAMPAIGN_NOT_FOUND', 'not_found'));

    it('refuses a completed campaign', () =>
      spec
        .given([created, membersAdded, completed])
        .when({ type: 'RemoveCampaignMembers', data: { campaignId, contactIds: ['contact-1'] } })
        .thenThrows('CAMPAIGN_COMPLETED', 'rule'));
  });

  describe('RecordCampaignTouch', () => {
    it('records a touch on a member', () =>
      spec
        .given([created, membersAdded])
        .when({ type: 'RecordCampaignTouch', data: touch })
        .then([{ type: 'CampaignTouchRecorded', data: touch }]));

    it('refuses a contact that is not a member', () =>
      spec
        .given([created, membersAdded])
        .when({ type: 'RecordCampaignTouch', data: { ...touch, contactId: 'contact-9' } })
        .thenThrows('CAMPAIGN_NOT_A_MEMBER', 'rule'));

    it('refuses a contact that was removed', () =>
      spec
        .given([
          created,
          membersAdded,
          { type: 'CampaignMembersRemoved', data: { campaignId, contactIds: ['contact-1'] } },
        ])
        .when({ type: 'RecordCampaignTouch', data: touch })
        .thenThrows('CAMPAIGN_NOT_A_MEMBER', 'rule'));

    it('records a touch on a member whose id looks like an object key', () =>
      spec
        .given([
          created,
          { type: 'CampaignMembersAdded', data: { campaignId, contactIds: ['__proto__'] } },
        ])
        .when({ type: 'RecordCampaignTouch', data: { ...touch, contactId: '__proto__' } })
        .then([{ type: 'CampaignTouchRecorded', data: { ...touch, contactId: '__proto__' } }]));

    it('refuses an id that only looks like an object key', () =>
      spec
        .given([created, membersAdded])
        .when({ type: 'RecordCampaignTouch', data: { ...touch, contactId: 'hasOwnProperty' } })
        .thenThrows('CAMPAIGN_NOT_A_MEMBER', 'rule'));

    it('refuses an unknown campaign', () =>
      spec
        .given([])
        .when({ type: 'RecordCampaignTouch', data: touch })
        .thenThrows('CAMPAIGN_NOT_FOUND', 'not_found'));

    it('refuses a completed campaign', () =>
      spec
        .given([created, membersAdded, completed])
        .when({ type: 'RecordCampaignTouch', data: touch })
        .thenThrows('CAMPAIGN_COMPLETED', 'rule'));
  });

  describe('CompleteCampaign', () => {
    it('completes an active campaign', () =>
      spec
        .given([created, membersAdded])
        .when({ type: 'CompleteCampaign', data: { campaignId } })
        .then([
          {
            type: 'CampaignCompleted',
            data: { campaignId, completedAt: SPEC_NOW.toISOString() },
          },
        ]));

    it('records nothing for a campaign already completed', () =>
      spec
        .given([created, completed])
        .when({ type: 'CompleteCampaign', data: { campaignId } })
        .thenNothingHappens());

    it('refuses an unknown campaign', () =>
      spec
        .given([])
        .when({ type: 'CompleteCampaign', data: { campaignId } })
        .thenThrows('CAMPAIGN_NOT_FOUND', 'not_found'));
  });

  describe('membership state', () => {
    it('stays plain, serializable data', () => {
      const events: CampaignEvent[] = [
        created,
        membersAdded,
        { type: 'CampaignMembersRemoved', data: { campaignId, contactIds: ['contact-1'] } },
      ];
      const state = events.reduce<CampaignState>(
        campaignDecider.evolve,
        campaignDecider.initialState(),
      );
      expect(JSON.parse(JSON.stringify(state))).toEqual({
        exists: true,
        campaignId,
        status: 'active',
        members: { 'contact-2': true },
      });
    });

    it('knows every member of a campaign of 100,000 contacts', () => {
      const contactIds = Array.from({ length: 100_000 }, (_, index) => `contact-${index}`);
      const state = campaignDecider.evolve(
        campaignDecider.evolve(campaignDecider.initialState(), created),
        { type: 'CampaignMembersAdded', data: { campaignId, contactIds } },
      );
      const touched = campaignDecider.decide(
        {
          type: 'RecordCampaignTouch',
          data: { ...touch, contactId: 'contact-99999' },
          metadata: { now: SPEC_NOW },
        },
        state,
      );
      expect(touched).toHaveLength(1);
    });
  });
});
