import { CampaignEvent } from '@crm/domain';
import { TimelineFacts } from '../timeline-facts';

/** How campaign events read on the timeline. */
export const campaignTimeline: TimelineFacts<CampaignEvent> = {
  CampaignCreated: null,
  CampaignMembersAdded: null,
  CampaignMembersRemoved: null,
  CampaignTouchRecorded: (event) => {
    const { campaignId, contactId, touch, occurredAt } = event.data;
    return {
      occurredAt,
      links: { campaignId, contactId },
      summary: `Campaign ${campaignId}: ${touch}`,
    };
  },
  CampaignCompleted: null,
};
