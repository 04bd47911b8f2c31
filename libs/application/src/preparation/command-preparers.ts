import { AggregateKind } from '@crm/domain';
import { CommandPreparer } from './command-preparer';
import { prepareContactCommand } from './contact.preparer';
import { prepareDealCommand } from './deal.preparer';
import { prepareLeadCommand } from './lead.preparer';
import {
  prepareCampaignCommand,
  prepareInteractionCommand,
  prepareTaskCommand,
  prepareTicketCommand,
} from './linked-records.preparers';
import { OpenDealsInStageCounter, pipelinePreparer } from './pipeline.preparer';

export type CommandPreparers = Partial<Record<AggregateKind, CommandPreparer>>;

/** The preparers of every aggregate whose commands reference other records. */
export const createCommandPreparers = (
  countOpenDeals: OpenDealsInStageCounter,
): CommandPreparers => ({
  campaign: prepareCampaignCommand,
  contact: prepareContactCommand,
  deal: prepareDealCommand,
  interaction: prepareInteractionCommand,
  lead: prepareLeadCommand,
  pipeline: pipelinePreparer(countOpenDeals),
  task: prepareTaskCommand,
  ticket: prepareTicketCommand,
});
