import { AccountEvent } from './account';
import { CampaignEvent } from './campaign';
import { ContactEvent } from './contact';
import { DealEvent } from './deal';
import { InteractionEvent } from './interaction';
import { LeadEvent } from './lead';
import { PipelineEvent } from './pipeline';
import { QuoteEvent } from './quote';
import { TaskEvent } from './task';
import { TicketEvent } from './ticket';

/** Every event any aggregate records. */
export type AnyDomainEvent =
  | AccountEvent
  | CampaignEvent
  | ContactEvent
  | DealEvent
  | InteractionEvent
  | LeadEvent
  | PipelineEvent
  | QuoteEvent
  | TaskEvent
  | TicketEvent;

/** The name of every event type: a table keyed by it lists a new event or fails to compile. */
export type DomainEventType = AnyDomainEvent['type'];
