import { CampaignTouch, IsoDateTime } from '@crm/domain';

export type CampaignMemberTouch = { touch: CampaignTouch; occurredAt: IsoDateTime };

/** One contact in one campaign; kept (inactive) after the contact is removed. */
export type CampaignMemberDocument = {
  _id: string;
  tenantId: string;
  campaignId: string;
  contactId: string;
  /** False once the contact is removed; true again if added back. */
  active: boolean;
  /** When the contact was (last) added. */
  addedAt: IsoDateTime;
  /** When the contact was removed; absent while a member. */
  removedAt?: IsoDateTime;
  /** The latest touches, in the order recorded, at most `CAMPAIGN_MEMBER_TOUCH_LIMIT`. */
  touches: CampaignMemberTouch[];
  /** Every touch ever recorded for this contact in this campaign, by kind. */
  touchCounts: Record<CampaignTouch, number>;
  lastTouchAt?: IsoDateTime;
  updatedAt: IsoDateTime;
};
