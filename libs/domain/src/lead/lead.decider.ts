import { Decider } from '../shared';
import { LeadCommand } from './lead.commands';
import { decideLead } from './lead.decide';
import { LeadEvent } from './lead.events';
import { evolveLead } from './lead.evolve';
import { initialLeadState, LeadState } from './lead.state';

export const leadDecider: Decider<LeadCommand, LeadEvent, LeadState> = {
  initialState: initialLeadState,
  evolve: evolveLead,
  decide: decideLead,
};
