import { CommandContext, CommandResult, ExecuteDomainCommand, IntentFor } from '@crm/application';
import { AggregateKind } from '@crm/domain';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

/** Puts one command on the CommandBus: only a command type of `kind`, with its own data, compiles. */
@Injectable()
export class CommandSender {
  constructor(private readonly commandBus: CommandBus) {}

  send<K extends AggregateKind>(
    kind: K,
    recordId: string,
    intent: IntentFor<K>,
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new ExecuteDomainCommand(kind, recordId, intent, context));
  }
}
