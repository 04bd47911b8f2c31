import { AccountFacts } from './facts/account.timeline';
import { CampaignFacts } from './facts/campaign.timeline';
import { ContactFacts } from './facts/contact.timeline';
import { DealFacts } from './facts/deal.timeline';
import { InteractionFacts } from './facts/interaction.timeline';
import { LeadFacts } from './facts/lead.timeline';
import { QuoteFacts } from './facts/quote.timeline';
import { TaskFacts } from './facts/task.timeline';
import { TicketFacts } from './facts/ticket.timeline';

/** The facts of every kind of timeline entry, by its event type. */
export type TimelineFactsByKind = AccountFacts &
  CampaignFacts &
  ContactFacts &
  DealFacts &
  InteractionFacts &
  LeadFacts &
  QuoteFacts &
  TaskFacts &
  TicketFacts;

/** The event types that are on the timeline. */
export type TimelineFactKind = keyof TimelineFactsByKind;

/** What one entry keeps for its line, whatever its kind. */
export type TimelineFactValues = TimelineFactsByKind[TimelineFactKind];
