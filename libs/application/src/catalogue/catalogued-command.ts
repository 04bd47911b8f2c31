import { AggregateKind } from '@crm/domain';
import { CommandContext } from '../command-context';
import { RecordLookup } from '../preparation/command-preparer';
import { ReferenceCheck } from '../preparation/references';
import { commandCatalogue, IntentFor, isCommandType } from './command-catalogue';

/**
 * A catalogue entry as the one command path runs it, whatever its command type. The catalogue's
 * types have already tied each intent to its preparer and the preparer's result to the decider's
 * data; at run time the path only needs to call them.
 */
export type RunnableEntry = {
  kind: AggregateKind;
  creates?: true;
  /** `<kind>:<action>`: what the caller's roles must grant on the record. */
  permission: string;
  references?: readonly ReferenceCheck[];
  prepare?: (intent: never, context: CommandContext, lookup: RecordLookup) => Promise<object>;
  followedBy?: readonly string[];
};

/** The entry for a command type that must belong to `kind`; anything else is a programming error. */
export const runnableEntry = (kind: AggregateKind, type: string): RunnableEntry => {
  if (!isCommandType(type)) throw new Error(`unknown command type ${type}`);
  const entry: RunnableEntry = commandCatalogue[type];
  if (entry.kind !== kind) throw new Error(`command ${type} belongs to ${entry.kind}, not ${kind}`);
  return entry;
};

/**
 * A command from outside the type system (a fixture file, a generated operation): its type is
 * checked against the catalogue here, its data is left to the decider's rules.
 */
export const intentFromOutside = <K extends AggregateKind>(
  kind: K,
  command: { type: string; data: unknown },
): IntentFor<K> => {
  runnableEntry(kind, command.type);
  return command as IntentFor<K>;
};
