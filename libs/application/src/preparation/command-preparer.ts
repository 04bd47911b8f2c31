import { AggregateKind, Command } from '@crm/domain';
import { CommandContext } from '../command-context';
import { CommandWithoutMetadata } from '../command-executor';

/** Reads other records of the same tenant, for the checks and facts a decider cannot load itself. */
export type RecordLookup = {
  exists(kind: AggregateKind, recordId: string): Promise<boolean>;
  /** Throws ReferenceNotFoundError naming `field` when the record does not exist. */
  require(field: string, kind: AggregateKind, recordId: string): Promise<void>;
  state<S>(kind: AggregateKind, recordId: string): Promise<S>;
};

/**
 * Runs before the decider: checks that referenced records exist and adds the cross-record facts
 * the decider needs (a pipeline's stages, ids derived for a conversion). Returns the command to
 * decide on.
 */
export type CommandPreparer = (
  command: CommandWithoutMetadata<Command>,
  context: CommandContext,
  lookup: RecordLookup,
) => Promise<CommandWithoutMetadata<Command>>;
