import { Decider } from '../shared';
import { DealCommand } from './deal.commands';
import { decideDeal } from './deal.decide';
import { DealEvent } from './deal.events';
import { evolveDeal } from './deal.evolve';
import { DealState, initialDealState } from './deal.state';

export const dealDecider: Decider<DealCommand, DealEvent, DealState> = {
  initialState: initialDealState,
  evolve: evolveDeal,
  decide: decideDeal,
};
