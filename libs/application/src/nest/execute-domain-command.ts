import { AggregateKind } from '@crm/domain';
import { Command as NestCommand } from '@nestjs/cqrs';
import { IntentFor } from '../catalogue/command-catalogue';
import { CommandContext, CommandResult } from '../command-context';

/**
 * The message the CommandBus carries: one command, as a client intends it, for one record.
 * With a literal kind (`'deal'`) only that kind's command types, each with its own data, compile.
 */
export class ExecuteDomainCommand<
  K extends AggregateKind = AggregateKind,
> extends NestCommand<CommandResult> {
  constructor(
    readonly kind: K,
    readonly recordId: string,
    readonly intent: IntentFor<K>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
