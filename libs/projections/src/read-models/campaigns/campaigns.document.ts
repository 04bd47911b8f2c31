import {
  CampaignChannel,
  CampaignStatus,
  CampaignTouch,
  IsoDate,
  IsoDateTime,
  Money,
} from '@crm/domain';

/** How many touches of each kind were recorded. */
export type CampaignTouchCounts = Record<CampaignTouch, number>;

/** One campaign, for campaign lists and the campaign view. */
export type CampaignDocument = {
  _id: string;
  tenantId: string;
  campaignId: string;
  name: string;
  channel: CampaignChannel;
  budget: Money;
  startsOn: IsoDate;
  endsOn: IsoDate;
  status: CampaignStatus;
  completedAt?: IsoDateTime;
  /** Current members: added minus removed. */
  memberCount: number;
  /** Every touch ever recorded, by kind (also those of contacts removed since). */
  touchCounts: CampaignTouchCounts;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
};
