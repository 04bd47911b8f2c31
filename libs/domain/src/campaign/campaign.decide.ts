import { amountProblem, isIsoDate, moneyProblem, toMoney } from '../shared';
import { campaignErrors } from './campaign.errors';
import { CampaignCommand, CreateCampaign } from './campaign.commands';
import { CampaignEvent } from './campaign.events';
import { CampaignState, isCampaignMember } from './campaign.state';

type ExistingCampaign = Extract<CampaignState, { exists: true }>;

const assertValidCampaign = ({ budget, startsOn, endsOn }: CreateCampaign['data']): void => {
  if (!isIsoDate(startsOn) || !isIsoDate(endsOn)) {
    throw campaignErrors.rule(
      'CAMPAIGN_INVALID_PERIOD',
      'a campaign runs between two YYYY-MM-DD dates',
      {
        startsOn,
        endsOn,
      },
    );
  }
  // YYYY-MM-DD strings order like the days they name.
  if (endsOn < startsOn) {
    throw campaignErrors.rule('CAMPAIGN_INVALID_PERIOD', 'a campaign cannot end before it starts', {
      startsOn,
      endsOn,
    });
  }
  const problem = moneyProblem(budget);
  if (problem === 'invalid_currency') {
    throw campaignErrors.rule(
      'CAMPAIGN_INVALID_CURRENCY',
      `currency must be a 3-letter upper-case code, not "${budget.currency}"`,
      { budget },
    );
  }
  if (problem !== undefined) {
    throw campaignErrors.rule('CAMPAIGN_NEGATIVE_BUDGET', 'a campaign budget cannot be negative', {
      budget,
    });
  }
  const inexact = amountProblem(budget);
  if (inexact) throw campaignErrors.rule('CAMPAIGN_INVALID_BUDGET', inexact, { budget });
};

const assertActive = (state: CampaignState, campaignId: string): ExistingCampaign => {
  if (!state.exists) throw campaignErrors.notFound(campaignId);
  if (state.status === 'completed') {
    throw campaignErrors.rule('CAMPAIGN_COMPLETED', `campaign ${campaignId} is completed`, {
      status: state.status,
    });
  }
  return state;
};

/** Each id once, in the order first given, keeping those `keep` accepts. */
const distinct = (
  contactIds: readonly string[],
  keep: (contactId: string) => boolean,
): string[] => [...new Set(contactIds.filter(keep))];

export const decideCampaign = (command: CampaignCommand, state: CampaignState): CampaignEvent[] => {
  const now = command.metadata.now.toISOString();
  switch (command.type) {
    case 'CreateCampaign':
      if (state.exists) throw campaignErrors.alreadyExists(command.data.campaignId);
      assertValidCampaign(command.data);
      return [
        {
          type: 'CampaignCreated',
          data: { ...command.data, budget: toMoney(command.data.budget) },
        },
      ];
    case 'AddCampaignMembers': {
      const { members } = assertActive(state, command.data.campaignId);
      const contactIds = distinct(command.data.contactIds, (id) => !isCampaignMember(members, id));
      if (contactIds.length === 0) return [];
      return [
        { type: 'CampaignMembersAdded', data: { campaignId: command.data.campaignId, contactIds } },
      ];
    }
    case 'RemoveCampaignMembers': {
      const { members } = assertActive(state, command.data.campaignId);
      const contactIds = distinct(command.data.contactIds, (id) => isCampaignMember(members, id));
      if (contactIds.length === 0) return [];
      return [
        {
          type: 'CampaignMembersRemoved',
          data: { campaignId: command.data.campaignId, contactIds },
        },
      ];
    }
    case 'RecordCampaignTouch': {
      const { campaignId, contactId } = command.data;
      const { members } = assertActive(state, campaignId);
      if (!isCampaignMember(members, contactId)) {
        throw campaignErrors.rule(
          'CAMPAIGN_NOT_A_MEMBER',
          `contact ${contactId} is not a member of campaign ${campaignId}`,
          { contactId },
        );
      }
      return [{ type: 'CampaignTouchRecorded', data: { ...command.data } }];
    }
    case 'CompleteCampaign':
      if (!state.exists) throw campaignErrors.notFound(command.data.campaignId);
      if (state.status === 'completed') return [];
      return [{ type: 'CampaignCompleted', data: { ...command.data, completedAt: now } }];
  }
};
