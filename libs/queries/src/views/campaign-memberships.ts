import { IsoDateTime } from '@crm/domain';
import { CampaignDocument, CampaignMemberDocument } from '@crm/projections';
import { ReadCollections } from './read-model-collections';
import { compareText } from './compare';
import { findForEach, ownDocuments } from './tenant-documents';

/** One campaign a contact is (or was) a member of, with the touches recorded for it. */
export type CampaignMembership = {
  campaignId: string;
  /** Null when the campaign's own document is missing. */
  name: string | null;
  channel: CampaignDocument['channel'] | null;
  campaignStatus: CampaignDocument['status'] | null;
  contactId: string;
  /** False once the contact was removed from the campaign. */
  active: boolean;
  addedAt: IsoDateTime;
  removedAt?: IsoDateTime;
  lastTouchAt?: IsoDateTime;
  touchCounts: CampaignMemberDocument['touchCounts'];
  touches: CampaignMemberDocument['touches'];
};

const membershipOf = (
  member: CampaignMemberDocument,
  campaign: CampaignDocument | undefined,
): CampaignMembership => ({
  campaignId: member.campaignId,
  name: campaign?.name ?? null,
  channel: campaign?.channel ?? null,
  campaignStatus: campaign?.status ?? null,
  contactId: member.contactId,
  active: member.active,
  addedAt: member.addedAt,
  ...(member.removedAt !== undefined && { removedAt: member.removedAt }),
  ...(member.lastTouchAt !== undefined && { lastTouchAt: member.lastTouchAt }),
  touchCounts: { ...member.touchCounts },
  touches: member.touches.map((touch) => ({ ...touch })),
});

/** The campaign memberships of any of the contacts, the latest added first. */
export const campaignMemberships = async (
  collections: ReadCollections,
  tenantId: string,
  contactIds: readonly string[],
): Promise<CampaignMembership[]> => {
  const members = await findForEach(
    await collections.campaignMembers(),
    tenantId,
    'contactId',
    contactIds,
  );
  const campaigns = await ownDocuments(
    await collections.campaigns(),
    tenantId,
    members.map((member) => member.campaignId),
  );
  return members
    .sort((a, b) => compareText(b.addedAt, a.addedAt) || compareText(a._id, b._id))
    .map((member) => membershipOf(member, campaigns.get(member.campaignId)));
};
