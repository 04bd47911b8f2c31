import { CallLogged, InteractionLinksCorrected, NoteLogged } from '@crm/domain';
import { ProjectionSpecification, projectedEvent } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { InteractionDocument } from './interactions.document';
import { interactionsProjection } from './interactions.projection';

/** The events and the fold the interactions projection specs share. */
export const interactionId = 'interaction-1';
export const occurredAt = '2026-01-14T15:30:00.000Z';

export const spec = ProjectionSpecification.for(interactionsProjection);
/** Folds events the way the runner does; see ProjectionSpecification for what it checks. */
export const project = (
  events: readonly ProjectedEvent[],
  start?: ReadonlyMap<string, InteractionDocument>,
) => spec.given(events, start).documents();
export const projectOne = (events: ProjectedEvent[]) =>
  project(events).get(`acme:${interactionId}`);

export type Options = { tenantId?: string };
export const links = { contactId: 'contact-1', accountId: 'account-1', dealId: 'deal-1' };

export const callLogged = (data: Partial<CallLogged['data']> = {}, options: Options = {}) =>
  projectedEvent<CallLogged>(
    {
      type: 'CallLogged',
      data: {
        interactionId,
        ...links,
        occurredAt,
        direction: 'outbound',
        durationSeconds: 420,
        outcome: 'connected',
        summary: 'Walked through pricing; they want a 3-year option.',
        ...data,
      },
    },
    options,
  );
export const noteLogged = (body: string) =>
  projectedEvent<NoteLogged>({
    type: 'NoteLogged',
    data: { interactionId, contactId: 'contact-1', occurredAt, body },
  });
export const corrected = (
  changes: Pick<InteractionLinksCorrected['data'], 'accountId' | 'dealId' | 'ticketId'>,
  previous: InteractionLinksCorrected['data']['previous'],
  options: Options = {},
) =>
  projectedEvent<InteractionLinksCorrected>(
    {
      type: 'InteractionLinksCorrected',
      data: { interactionId, contactId: 'contact-1', ...changes, previous },
    },
    options,
  );
