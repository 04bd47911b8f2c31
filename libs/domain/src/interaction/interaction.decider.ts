import { Decider } from '../shared';
import { InteractionCommand } from './interaction.commands';
import { decideInteraction } from './interaction.decide';
import { InteractionEvent } from './interaction.events';
import { evolveInteraction } from './interaction.evolve';
import { initialInteractionState, InteractionState } from './interaction.state';

export const interactionDecider: Decider<InteractionCommand, InteractionEvent, InteractionState> = {
  initialState: initialInteractionState,
  evolve: evolveInteraction,
  decide: decideInteraction,
};
