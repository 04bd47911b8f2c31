import { CampaignFacts } from '../facts/campaign.timeline';
import { Wording } from '../timeline-wording';

export const campaignWording: Wording<CampaignFacts> = {
  CampaignTouchRecorded: ({ campaignId, touch }) => `Campaign ${campaignId}: ${touch}`,
};
