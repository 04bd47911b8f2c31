import { AggregateKind } from '@crm/domain';
import { CommandType } from '../catalogue/command-types';

/** The command that assigns a record of each kind an owner or agent, and the field it takes. */
export const ROUND_ROBIN_COMMANDS: Partial<
  Record<AggregateKind, { command: CommandType; field: string }>
> = {
  account: { command: 'AssignAccountOwner', field: 'ownerId' },
  contact: { command: 'AssignContactOwner', field: 'ownerId' },
  lead: { command: 'AssignLead', field: 'ownerId' },
  ticket: { command: 'AssignTicket', field: 'agentId' },
};
