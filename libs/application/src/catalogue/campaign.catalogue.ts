import { requireEach } from '../preparation/references';
import { KindCatalogue } from './command-entry';
import { IntentsOf } from './command-types';

export type CampaignIntents = IntentsOf<'campaign'>;

export const campaignCatalogue = {
  CreateCampaign: {
    creates: true,
    permission: 'campaign:create',
    route: { method: 'POST', path: '/campaigns', summary: 'Create a campaign', handler: 'create' },
  },
  AddCampaignMembers: {
    permission: 'campaign:add-members',
    prepare: async (intent, _context, lookup) => {
      await requireEach('contactIds', 'contact', intent.contactIds, lookup);
      return intent;
    },
    route: {
      method: 'POST',
      path: '/campaigns/:id/members',
      summary: 'Add contacts to a campaign (every one must exist)',
      handler: 'addMembers',
    },
  },
  RemoveCampaignMembers: {
    permission: 'campaign:remove-members',
    route: {
      method: 'POST',
      path: '/campaigns/:id/members/remove',
      summary: 'Remove contacts from a campaign',
      handler: 'removeMembers',
    },
  },
  RecordCampaignTouch: {
    permission: 'campaign:record-touch',
    route: {
      method: 'POST',
      path: '/campaigns/:id/touches',
      summary: 'Record that a campaign reached one of its members',
      handler: 'recordTouch',
    },
  },
  CompleteCampaign: {
    permission: 'campaign:complete',
    route: {
      method: 'POST',
      path: '/campaigns/:id/complete',
      summary: 'Complete a campaign',
      handler: 'complete',
    },
  },
} satisfies KindCatalogue<'campaign', CampaignIntents>;
