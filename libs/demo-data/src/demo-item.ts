import type { ConvertLeadRequest } from '@crm/application';
import {
  AccountCommand,
  AggregateKind,
  CampaignCommand,
  ContactCommand,
  ConvertLead,
  ScoreLead,
  DecayLeadScore,
  DealCommand,
  InteractionCommand,
  LeadCommand,
  PipelineCommand,
  QuoteCommand,
  TaskCommand,
  TicketCommand,
} from '@crm/domain';

type WithoutMetadata<C> = C extends { metadata: unknown } ? Omit<C, 'metadata'> : never;

/** A conversion as a client sends it: the command path derives the new records' ids. */
export type ConvertLeadRequestCommand = { type: 'ConvertLead'; data: ConvertLeadRequest };

/** A command as it goes onto the CommandBus: no metadata, the clock is the command path's. */
export type DemoCommand =
  | WithoutMetadata<
      | AccountCommand
      | CampaignCommand
      | ContactCommand
      | DealCommand
      | InteractionCommand
      | Exclude<LeadCommand, ConvertLead | ScoreLead | DecayLeadScore>
      | PipelineCommand
      | QuoteCommand
      | TaskCommand
      | TicketCommand
    >
  | ConvertLeadRequestCommand;

/** One command of the demo history: when it happens, who sends it, to which record. */
export type DemoItem = {
  at: Date;
  actorId: string;
  kind: AggregateKind;
  recordId: string;
  command: DemoCommand;
};
