import { AggregateKind, Command } from '@crm/domain';
import { CommandContext } from '../command-context';
import { CommandWithoutMetadata } from '../command-executor';

/** A command a process manager wants executed, with the context it runs under. */
export type CommandRequest = {
  kind: AggregateKind;
  recordId: string;
  command: CommandWithoutMetadata<Command>;
  context: CommandContext;
};
