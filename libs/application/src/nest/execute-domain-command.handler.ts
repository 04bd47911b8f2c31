import { Command, deciderFor } from '@crm/domain';
import { EventStore } from '@crm/event-store';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { rowRuleCheck } from '../access/row-rules';
import { runnableEntry } from '../catalogue/catalogued-command';
import { CommandResult } from '../command-context';
import { CommandExecutor, CommandWithoutMetadata } from '../command-executor';
import { OpenDealsInStageCounter } from '../preparation/open-deals-in-stage';
import { createRecordLookup } from '../preparation/record-lookup';
import { requireReferences } from '../preparation/references';
import { ExecuteDomainCommand } from './execute-domain-command';
import { EVENT_STORE, OPEN_DEALS_IN_STAGE } from './tokens';

/** Looks the command up in the catalogue, prepares it (references, facts), then runs the one command path. */
@CommandHandler(ExecuteDomainCommand)
export class ExecuteDomainCommandHandler implements ICommandHandler<
  ExecuteDomainCommand,
  CommandResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly executor: CommandExecutor,
    @Inject(OPEN_DEALS_IN_STAGE) private readonly countOpenDeals: OpenDealsInStageCounter,
  ) {}

  async execute({ kind, recordId, intent, context }: ExecuteDomainCommand): Promise<CommandResult> {
    const entry = runnableEntry(kind, intent.type);
    const decider = deciderFor(kind);
    let data: object = intent.data;
    const check = context.caller && rowRuleCheck(context.caller, kind, recordId, entry.permission);
    if (entry.references || entry.prepare) {
      const lookup = createRecordLookup(
        this.store,
        this.executor,
        this.countOpenDeals,
        context.tenantId,
      );
      // A command on a record that does not exist goes straight to the decider, which answers
      // "not found" before any check of the records it names.
      const targetMissing = !entry.creates && !(await lookup.exists(kind, recordId));
      if (!targetMissing) {
        // Refused before the records it names are checked, so that no answer about them tells
        // a hidden record exists; the executor checks again on the state it decides on.
        if (check && !entry.creates) check(await lookup.state(kind, recordId));
        await requireReferences(data, entry.references ?? [], lookup);
        if (entry.prepare) data = await entry.prepare(data as never, context, lookup);
      }
    }
    const command: CommandWithoutMetadata<Command> = { type: intent.type, data };
    return this.executor.execute(kind, decider, recordId, command, context, check);
  }
}
