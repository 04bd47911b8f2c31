import {
  APP_CONFIG,
  AppConfig,
  CommandContext,
  CommandResult,
  coverProcesses,
  EVENT_STORE,
  ExecuteDomainCommand,
  IntentFor,
  runnableEntry,
} from '@crm/application';
import { AggregateKind } from '@crm/domain';
import { EventStore } from '@crm/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

/** Puts one command on the CommandBus: only a command type of `kind`, with its own data, compiles. */
@Injectable()
export class CommandSender {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The command's result. For a command the catalogue says sets process managers going
   * (`followedBy`), the position covers what they wrote for it, so a read with that
   * `minPosition` finds the records they created; those that did not finish in time are named.
   */
  async send<K extends AggregateKind>(
    kind: K,
    recordId: string,
    intent: IntentFor<K>,
    context: CommandContext,
  ): Promise<CommandResult> {
    const result: CommandResult = await this.commandBus.execute(
      new ExecuteDomainCommand(kind, recordId, intent, context),
    );
    const { followedBy } = runnableEntry(kind, intent.type);
    if (!followedBy?.length || result.position < 0n) return result;
    const covered = await coverProcesses(this.store, followedBy, result.position, {
      timeoutMs: this.config.CRM_READ_WAIT_TIMEOUT_MS,
      runsHere: this.config.CRM_RUN_PROCESSES,
    });
    return {
      ...result,
      position: covered.position,
      ...(covered.pending.length > 0 && { pendingProcesses: covered.pending }),
    };
  }
}
