import { creatingCommands, deciderFor } from '@crm/domain';
import { EventStore } from '@crm/event-store';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../command-context';
import { CommandExecutor } from '../command-executor';
import { CommandPreparers } from '../preparation/command-preparers';
import { createRecordLookup } from '../preparation/record-lookup';
import { ExecuteDomainCommand } from './execute-domain-command';
import { COMMAND_PREPARERS, EVENT_STORE } from './tokens';

/** Prepares the command (references, cross-record facts), then runs the one command path. */
@CommandHandler(ExecuteDomainCommand)
export class ExecuteDomainCommandHandler implements ICommandHandler<
  ExecuteDomainCommand,
  CommandResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly executor: CommandExecutor,
    @Inject(COMMAND_PREPARERS) private readonly preparers: CommandPreparers,
  ) {}

  async execute({
    kind,
    recordId,
    command,
    context,
  }: ExecuteDomainCommand): Promise<CommandResult> {
    const prepare = this.preparers[kind];
    if (!prepare) return this.executor.execute(kind, deciderFor(kind), recordId, command, context);
    const lookup = createRecordLookup(this.store, this.executor, context.tenantId);
    // A command on a record that does not exist goes straight to the decider, which answers
    // "not found" before any check of the records it names.
    const targetMissing =
      !creatingCommands[kind].includes(command.type) && !(await lookup.exists(kind, recordId));
    const prepared = targetMissing ? command : await prepare(command, context, lookup);
    return this.executor.execute(kind, deciderFor(kind), recordId, prepared, context);
  }
}
