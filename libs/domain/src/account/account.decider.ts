import { Decider } from '../shared';
import { AccountCommand } from './account.commands';
import { decideAccount } from './account.decide';
import { AccountEvent } from './account.events';
import { evolveAccount } from './account.evolve';
import { AccountState, initialAccountState } from './account.state';

export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  initialState: initialAccountState,
  evolve: evolveAccount,
  decide: decideAccount,
};
