import { IsoDateTime } from '../shared';
import { InteractionLinks } from './interaction.commands';

export type InteractionKind = 'call' | 'email' | 'meeting' | 'note';

export type InteractionState =
  | { exists: false }
  | ({
      exists: true;
      interactionId: string;
      kind: InteractionKind;
      occurredAt: IsoDateTime;
    } & InteractionLinks);

export const initialInteractionState = (): InteractionState => ({ exists: false });
