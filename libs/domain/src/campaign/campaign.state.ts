export type CampaignStatus = 'active' | 'completed';

/**
 * Members are a plain record keyed by contact id (serializable, O(1) look-ups for large lists);
 * read it with `isCampaignMember`, never with `in` or a bare index, so that ids such as
 * `constructor` are not mistaken for members.
 */
export type CampaignMembers = Readonly<Record<string, true>>;

export type CampaignState =
  | { exists: false }
  | {
      exists: true;
      campaignId: string;
      status: CampaignStatus;
      members: CampaignMembers;
    };

export const initialCampaignState = (): CampaignState => ({ exists: false });

export const isCampaignMember = (members: CampaignMembers, contactId: string): boolean =>
  Object.hasOwn(members, contactId);
