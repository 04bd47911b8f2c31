import { IsoDateTime } from '../shared';
import {
  INTERACTION_CORRECTABLE_LINKS,
  InteractionLinkChanges,
  InteractionLinks,
} from './interaction.commands';
import { InteractionEvent } from './interaction.events';
import { InteractionKind, InteractionState } from './interaction.state';

type ExistingInteraction = Extract<InteractionState, { exists: true }>;
type LoggedData = InteractionLinks & { interactionId: string; occurredAt: IsoDateTime };

const logged = (kind: InteractionKind, data: LoggedData): ExistingInteraction => {
  const { interactionId, occurredAt, contactId, accountId, dealId, ticketId } = data;
  return {
    exists: true,
    interactionId,
    kind,
    occurredAt,
    contactId,
    ...(accountId !== undefined && { accountId }),
    ...(dealId !== undefined && { dealId }),
    ...(ticketId !== undefined && { ticketId }),
  };
};

const withLinks = (
  interaction: ExistingInteraction,
  changes: InteractionLinkChanges,
): ExistingInteraction => {
  const next: ExistingInteraction = { ...interaction };
  for (const link of INTERACTION_CORRECTABLE_LINKS) {
    const value = changes[link];
    if (value === null) delete next[link];
    else if (value !== undefined) next[link] = value;
  }
  return next;
};

export const evolveInteraction = (
  state: InteractionState,
  event: InteractionEvent,
): InteractionState => {
  switch (event.type) {
    case 'CallLogged':
      return logged('call', event.data);
    case 'EmailLogged':
      return logged('email', event.data);
    case 'MeetingLogged':
      return logged('meeting', event.data);
    case 'NoteLogged':
      return logged('note', event.data);
    case 'InteractionLinksCorrected':
      return state.exists ? withLinks(state, event.data) : state;
  }
};
