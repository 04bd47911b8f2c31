import { CampaignEvent } from './campaign.events';
import { CampaignMembers, CampaignState } from './campaign.state';

/** Spread and `Object.fromEntries` define own properties, so even `__proto__` is a plain key. */
const withMembers = (members: CampaignMembers, contactIds: readonly string[]): CampaignMembers => ({
  ...members,
  ...Object.fromEntries(contactIds.map((contactId): [string, true] => [contactId, true])),
});

const withoutMembers = (
  members: CampaignMembers,
  contactIds: readonly string[],
): CampaignMembers => {
  const next: Record<string, true> = { ...members };
  for (const contactId of contactIds) delete next[contactId];
  return next;
};

export const evolveCampaign = (state: CampaignState, event: CampaignEvent): CampaignState => {
  switch (event.type) {
    case 'CampaignCreated':
      return {
        exists: true,
        campaignId: event.data.campaignId,
        status: 'active',
        members: {},
      };
    case 'CampaignMembersAdded':
      return state.exists
        ? { ...state, members: withMembers(state.members, event.data.contactIds) }
        : state;
    case 'CampaignMembersRemoved':
      return state.exists
        ? { ...state, members: withoutMembers(state.members, event.data.contactIds) }
        : state;
    case 'CampaignTouchRecorded':
      // Touches are facts for reporting; they change nothing the decider needs.
      return state;
    case 'CampaignCompleted':
      return state.exists ? { ...state, status: 'completed' } : state;
  }
};
