import { AggregateKind, Command } from '@crm/domain';
import { Command as NestCommand } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '../command-context';
import { CommandWithoutMetadata } from '../command-executor';

/** The message the CommandBus carries: one domain command for one record. */
export class ExecuteDomainCommand extends NestCommand<CommandResult> {
  constructor(
    readonly kind: AggregateKind,
    readonly recordId: string,
    readonly command: CommandWithoutMetadata<Command>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
