import { Decider } from '../shared';
import { ContactCommand } from './contact.commands';
import { decideContact } from './contact.decide';
import { ContactEvent } from './contact.events';
import { evolveContact } from './contact.evolve';
import { ContactState, initialContactState } from './contact.state';

export const contactDecider: Decider<ContactCommand, ContactEvent, ContactState> = {
  initialState: initialContactState,
  evolve: evolveContact,
  decide: decideContact,
};
