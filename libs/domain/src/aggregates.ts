import { ACCOUNT_ERROR_CODES, accountDecider } from './account';
import { CAMPAIGN_ERROR_CODES, campaignDecider } from './campaign';
import { CONTACT_ERROR_CODES, contactDecider } from './contact';
import { DEAL_ERROR_CODES, dealDecider } from './deal';
import { INTERACTION_ERROR_CODES, interactionDecider } from './interaction';
import { LEAD_ERROR_CODES, leadDecider } from './lead';
import { PIPELINE_ERROR_CODES, pipelineDecider } from './pipeline';
import { quoteDecider } from './quote/quote.decider';
import { QUOTE_ERROR_CODES } from './quote/quote.messages';
import { Command, Decider, DomainEvent } from './shared';
import { TASK_ERROR_CODES, taskDecider } from './task';
import { TICKET_ERROR_CODES, ticketDecider } from './ticket';

/**
 * Every aggregate by its kind: the kind names its streams (`task-<tenant>.<id>`) and its
 * commands' route in the application layer.
 */
export const aggregateDeciders = {
  account: accountDecider,
  campaign: campaignDecider,
  contact: contactDecider,
  deal: dealDecider,
  interaction: interactionDecider,
  lead: leadDecider,
  pipeline: pipelineDecider,
  quote: quoteDecider,
  task: taskDecider,
  ticket: ticketDecider,
} as const;

export type AggregateKind = keyof typeof aggregateDeciders;

export type AnyDecider = Decider<Command, DomainEvent, unknown>;

export const isAggregateKind = (kind: string): kind is AggregateKind =>
  Object.prototype.hasOwnProperty.call(aggregateDeciders, kind);

export const deciderFor = (kind: AggregateKind): AnyDecider =>
  aggregateDeciders[kind] as unknown as AnyDecider;

/** Every error code a decider may answer with, and the kind of refusal it is (the HTTP status follows). */
export const domainErrorCodes = {
  ...ACCOUNT_ERROR_CODES,
  ...CAMPAIGN_ERROR_CODES,
  ...CONTACT_ERROR_CODES,
  ...DEAL_ERROR_CODES,
  ...INTERACTION_ERROR_CODES,
  ...LEAD_ERROR_CODES,
  ...PIPELINE_ERROR_CODES,
  ...QUOTE_ERROR_CODES,
  ...TASK_ERROR_CODES,
  ...TICKET_ERROR_CODES,
} as const;

export type DomainErrorCode = keyof typeof domainErrorCodes;

export const isDomainErrorCode = (code: string): code is DomainErrorCode =>
  Object.prototype.hasOwnProperty.call(domainErrorCodes, code);
