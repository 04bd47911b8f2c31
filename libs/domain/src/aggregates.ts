import { accountDecider } from './account';
import { campaignDecider } from './campaign';
import { contactDecider } from './contact';
import { dealDecider } from './deal';
import { interactionDecider } from './interaction';
import { leadDecider } from './lead';
import { pipelineDecider } from './pipeline';
import { Command, Decider, DomainEvent } from './shared';
import { taskDecider } from './task';
import { ticketDecider } from './ticket';

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
  task: taskDecider,
  ticket: ticketDecider,
} as const;

export type AggregateKind = keyof typeof aggregateDeciders;

export type AnyDecider = Decider<Command, DomainEvent, unknown>;

export const isAggregateKind = (kind: string): kind is AggregateKind =>
  Object.prototype.hasOwnProperty.call(aggregateDeciders, kind);

export const deciderFor = (kind: AggregateKind): AnyDecider =>
  aggregateDeciders[kind] as unknown as AnyDecider;
