import { Command, IsoDate, IsoDateTime, MoneyInput } from '../shared';

export const CAMPAIGN_CHANNELS = [
  'email',
  'social',
  'ads',
  'events',
  'webinar',
  'direct_mail',
] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];
export const CAMPAIGN_TOUCHES = ['sent', 'opened', 'clicked', 'responded'] as const;
export type CampaignTouch = (typeof CAMPAIGN_TOUCHES)[number];

/** A campaign runs from `startsOn` to `endsOn`, both days included (a one-day campaign is fine). */
export type CreateCampaign = Command<
  'CreateCampaign',
  {
    campaignId: string;
    name: string;
    channel: CampaignChannel;
    budget: MoneyInput;
    startsOn: IsoDate;
    endsOn: IsoDate;
  }
>;
export type AddCampaignMembers = Command<
  'AddCampaignMembers',
  { campaignId: string; contactIds: string[] }
>;
export type RemoveCampaignMembers = Command<
  'RemoveCampaignMembers',
  { campaignId: string; contactIds: string[] }
>;
export type RecordCampaignTouch = Command<
  'RecordCampaignTouch',
  { campaignId: string; contactId: string; touch: CampaignTouch; occurredAt: IsoDateTime }
>;
export type CompleteCampaign = Command<'CompleteCampaign', { campaignId: string }>;

export type CampaignCommand =
  | CreateCampaign
  | AddCampaignMembers
  | RemoveCampaignMembers
  | RecordCampaignTouch
  | CompleteCampaign;
