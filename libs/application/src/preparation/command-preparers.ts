import { AggregateKind } from '@crm/domain';
import { CommandPreparer } from './command-preparer';

export type CommandPreparers = Partial<Record<AggregateKind, CommandPreparer>>;

/** The preparers of every aggregate that references other records. */
export const commandPreparers: CommandPreparers = {};
