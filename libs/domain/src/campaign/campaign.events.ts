import { DomainEvent, IsoDate, IsoDateTime, Money } from '../shared';
import { CampaignChannel, CampaignTouch } from './campaign.commands';

export type CampaignCreated = DomainEvent<
  'CampaignCreated',
  {
    campaignId: string;
    name: string;
    channel: CampaignChannel;
    budget: Money;
    startsOn: IsoDate;
    endsOn: IsoDate;
  }
>;
/** Only the contacts that became members, each once, in the order first requested. */
export type CampaignMembersAdded = DomainEvent<
  'CampaignMembersAdded',
  { campaignId: string; contactIds: string[] }
>;
/** Only the contacts that were members, each once, in the order first requested. */
export type CampaignMembersRemoved = DomainEvent<
  'CampaignMembersRemoved',
  { campaignId: string; contactIds: string[] }
>;
export type CampaignTouchRecorded = DomainEvent<
  'CampaignTouchRecorded',
  { campaignId: string; contactId: string; touch: CampaignTouch; occurredAt: IsoDateTime }
>;
export type CampaignCompleted = DomainEvent<
  'CampaignCompleted',
  { campaignId: string; completedAt: IsoDateTime }
>;

export type CampaignEvent =
  | CampaignCreated
  | CampaignMembersAdded
  | CampaignMembersRemoved
  | CampaignTouchRecorded
  | CampaignCompleted;
