import {
  CommandContext,
  CommandResult,
  CommandWithoutMetadata,
  ExecuteDomainCommand,
} from '@crm/application';
import { AggregateKind, Command } from '@crm/domain';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

/** What controllers call: puts one domain command on the CommandBus. */
@Injectable()
export class CommandSender {
  constructor(private readonly commandBus: CommandBus) {}

  send<C extends Command>(
    kind: AggregateKind,
    recordId: string,
    command: CommandWithoutMetadata<C>,
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new ExecuteDomainCommand(kind, recordId, command, context));
  }
}
