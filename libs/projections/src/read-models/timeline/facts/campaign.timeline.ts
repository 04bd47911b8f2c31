import { CampaignEvent } from '@crm/domain';
import { TimelineFacts } from '../timeline-facts';
import { Wording } from '../timeline-wording';

/** What campaign events keep for their timeline lines. */
export type CampaignFacts = {
  CampaignTouchRecorded: { campaignId: string; touch: string };
};

/** Which campaign events are on the timeline, and their facts. */
export const campaignTimeline: TimelineFacts<CampaignEvent, CampaignFacts> = {
  CampaignCreated: null,
  CampaignMembersAdded: null,
  CampaignMembersRemoved: null,
  CampaignTouchRecorded: (event) => {
    const { campaignId, contactId, touch, occurredAt } = event.data;
    return { occurredAt, links: { campaignId, contactId }, facts: { campaignId, touch } };
  },
  CampaignCompleted: null,
};

/** How each fact reads, worded when the timeline is read: a wording change needs no rebuild. */
export const campaignWording: Wording<CampaignFacts> = {
  CampaignTouchRecorded: ({ campaignId, touch }) => `Campaign ${campaignId}: ${touch}`,
};
