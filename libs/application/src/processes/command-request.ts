import { AggregateKind } from '@crm/domain';
import { IntentFor } from '../catalogue/command-catalogue';
import { CommandContext } from '../command-context';

/**
 * A command a process manager wants executed, with the context it runs under. With a literal
 * kind only that kind's commands, each with its own data, compile.
 */
export type CommandRequest<K extends AggregateKind = AggregateKind> = {
  kind: K;
  recordId: string;
  intent: IntentFor<K>;
  context: CommandContext;
};
