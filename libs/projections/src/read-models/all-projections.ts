import { AggregateKind } from '@crm/domain';
import { anyProjection, Projection } from '../projection';
import { accountsProjection } from './accounts/accounts.projection';
import { campaignMembersProjection } from './campaign-members/campaign-members.projection';
import { campaignsProjection } from './campaigns/campaigns.projection';
import { contactsProjection } from './contacts/contacts.projection';
import { dealCyclesProjection } from './deal-cycles/deal-cycles.projection';
import { dealFiguresProjection } from './deal-figures/deal-figures.projection';
import { dealsProjection } from './deals/deals.projection';
import { interactionsProjection } from './interactions/interactions.projection';
import { leadFunnelProjection } from './lead-funnel/lead-funnel.projection';
import { leadsProjection } from './leads/leads.projection';
import { pipelinesProjection } from './pipelines/pipelines.projection';
import { quotesProjection } from './quotes/quotes.projection';
import { withRecordRevision } from './record-revision';
import { tasksProjection } from './tasks/tasks.projection';
import { ticketFiguresProjection } from './ticket-figures/ticket-figures.projection';
import { ticketTimesProjection } from './ticket-times/ticket-times.projection';
import { ticketsProjection } from './tickets/tickets.projection';
import { timelineProjection } from './timeline/timeline.projection';

const ownProjections: Record<AggregateKind, Projection> = {
  account: anyProjection(accountsProjection),
  campaign: anyProjection(campaignsProjection),
  contact: anyProjection(contactsProjection),
  deal: anyProjection(dealsProjection),
  interaction: anyProjection(interactionsProjection),
  lead: anyProjection(leadsProjection),
  pipeline: anyProjection(pipelinesProjection),
  quote: anyProjection(quotesProjection),
  task: anyProjection(tasksProjection),
  ticket: anyProjection(ticketsProjection),
};

/**
 * The projection that holds one document per record of each kind (used for `asOf` views), each
 * document carrying its record's stream revision.
 */
export const recordProjections = Object.fromEntries(
  Object.entries(ownProjections).map(([kind, projection]) => [
    kind,
    withRecordRevision(kind, projection),
  ]),
) as Record<AggregateKind, Projection>;

/** Every read model the runner maintains. */
export const allProjections: Projection[] = [
  ...Object.values(recordProjections),
  anyProjection(campaignMembersProjection),
  anyProjection(dealFiguresProjection),
  anyProjection(timelineProjection),
  // Report rows after the record read models, so lists of names keep their order.
  anyProjection(leadFunnelProjection),
  anyProjection(dealCyclesProjection),
  anyProjection(ticketFiguresProjection),
  anyProjection(ticketTimesProjection),
];
