import { Decider } from '../shared';
import { CampaignCommand } from './campaign.commands';
import { decideCampaign } from './campaign.decide';
import { CampaignEvent } from './campaign.events';
import { evolveCampaign } from './campaign.evolve';
import { CampaignState, initialCampaignState } from './campaign.state';

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  initialState: initialCampaignState,
  evolve: evolveCampaign,
  decide: decideCampaign,
};
