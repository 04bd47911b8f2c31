import { ContactCreated, DomainEvent } from '@crm/domain';
import { ProjectionSpecification, projectedEvent } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { ContactDocument } from './contacts.document';
import { contactsProjection } from './contacts.projection';

/** The events and the fold the contacts projection specs share. */
export type Options = Parameters<typeof projectedEvent>[1];

export const event = <E extends DomainEvent>(type: E['type'], data: E['data'], options?: Options) =>
  projectedEvent<E>({ type, data } as E, options);

export const spec = ProjectionSpecification.for(contactsProjection);
/** Folds events the way the runner does; see ProjectionSpecification for what it checks. */
export const project = (
  events: readonly ProjectedEvent[],
  start?: ReadonlyMap<string, ContactDocument>,
) => spec.given(events, start).documents();

export const CREATED_AT = '2026-01-02T10:00:00.000Z';
export const LATER = '2026-01-05T09:30:00.000Z';

export const created = (data: Partial<ContactCreated['data']> = {}, options: Options = {}) =>
  event<ContactCreated>(
    'ContactCreated',
    {
      contactId: 'c-1',
      firstName: 'Ada',
      lastName: 'Lovelace',
      emails: [
        { address: 'Ada@Example.com', label: 'work' },
        { address: 'ada.home@example.org', primary: true },
      ],
      phones: [{ number: '+44 20 7946 0000', label: 'mobile' }],
      ...data,
    },
    { recordedAt: CREATED_AT, ...options },
  );

export const contactOf = (
  documents: Map<string, ContactDocument>,
  id = 'acme:c-1',
): ContactDocument => {
  const document = documents.get(id);
  if (document === undefined) throw new Error(`no document ${id}`);
  return document;
};
