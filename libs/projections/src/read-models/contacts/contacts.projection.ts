import { SEARCH_FIELD, withSearchTerms } from '../search-terms';
import { ContactEmail, ContactEvent, withClearedFieldsRemoved } from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import { ContactDocument } from './contacts.document';

type ContactEventType = ContactEvent['type'];
type On<T extends ContactEventType> = ProjectedEvent<Extract<ContactEvent, { type: T }>>;

/** Keyed by every member of the union, so a new contact event type fails to compile until listed. */
const HANDLED: Record<ContactEventType, true> = {
  ContactCreated: true,
  ContactUpdated: true,
  ContactLinkedToAccount: true,
  ContactUnlinkedFromAccount: true,
  ContactOwnerAssigned: true,
  ContactOwnerUnassigned: true,
  ContactTagged: true,
  ContactUntagged: true,
  ContactCustomFieldSet: true,
  ContactConsentRecorded: true,
  ContactMerged: true,
};
const handles: ReadonlySet<string> = new Set(Object.keys(HANDLED));

const isContactEvent = (event: ProjectedEvent): event is ProjectedEvent<ContactEvent> =>
  handles.has(event.type);

const requireId = (event: ProjectedEvent, field: string, value: unknown): string => {
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`${event.type} event ${event.id} has no ${field}`);
  }
  return value;
};

/** The fields computed from names and emails, so lists can search and filter on them. */
type Derived = Pick<ContactDocument, 'fullName' | 'searchName' | 'emailsLower' | 'primaryEmail'>;

const derived = (firstName: string, lastName: string, emails: readonly ContactEmail[]): Derived => {
  const fullName = [firstName.trim(), lastName.trim()].filter((part) => part.length > 0).join(' ');
  const primary = emails.find((email) => email.primary === true) ?? emails[0];
  return {
    fullName,
    searchName: fullName.toLowerCase(),
    emailsLower: [...new Set(emails.map((email) => email.address.trim().toLowerCase()))],
    ...(primary !== undefined && { primaryEmail: primary.address }),
  };
};

/** `document` with its derived fields recomputed (and `primaryEmail` dropped when none is left). */
const withDerived = (document: ContactDocument): ContactDocument => {
  const { primaryEmail: _previous, ...rest } = document;
  return { ...rest, ...derived(document.firstName, document.lastName, document.emails) };
};

const created = (event: On<'ContactCreated'>, documentId: string): ContactDocument => {
  const { data } = event;
  const at = event.metadata.recordedAt;
  return {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    contactId: data.contactId,
    firstName: data.firstName,
    lastName: data.lastName,
    ...derived(data.firstName, data.lastName, data.emails),
    emails: data.emails.map((email) => ({ ...email })),
    phones: data.phones.map((phone) => ({ ...phone })),
    ...(data.title !== undefined && { title: data.title }),
    socialProfiles: (data.socialProfiles ?? []).map((profile) => ({ ...profile })),
    ...(data.address !== undefined && { address: { ...data.address } }),
    ...(data.ownerId !== undefined && { ownerId: data.ownerId }),
    ...(data.accountId !== undefined && { accountId: data.accountId }),
    tags: [],
    customFields: {},
    consents: {},
    ...(data.origin !== undefined && { origin: { leadId: data.origin.leadId } }),
    status: 'active',
    mergedContactIds: [],
    createdAt: at,
    updatedAt: at,
  };
};

const updated = (contact: ContactDocument, event: On<'ContactUpdated'>): ContactDocument => {
  const { data } = event;
  // `null` clears a field: it leaves the document.
  return withDerived({
    ...withClearedFieldsRemoved({
      ...contact,
      ...(data.title !== undefined && { title: data.title }),
      ...(data.address !== undefined && { address: data.address && { ...data.address } }),
    }),
    ...(data.firstName !== undefined && { firstName: data.firstName }),
    ...(data.lastName !== undefined && { lastName: data.lastName }),
    ...(data.emails !== undefined && { emails: data.emails.map((email) => ({ ...email })) }),
    ...(data.phones !== undefined && { phones: data.phones.map((phone) => ({ ...phone })) }),
    ...(data.socialProfiles !== undefined && {
      socialProfiles: data.socialProfiles.map((profile) => ({ ...profile })),
    }),
    updatedAt: event.metadata.recordedAt,
  });
};

/** The merged contact's side of a merge, and the survivor's. */
const merged = (
  contact: ContactDocument,
  event: On<'ContactMerged'>,
  documentId: string,
): ContactDocument => {
  const { contactId, survivorId, mergedAt } = event.data;
  if (documentId === documentIdFor(event.metadata.tenantId, contactId)) {
    return { ...contact, status: 'merged', survivorId, mergedAt, updatedAt: mergedAt };
  }
  if (contact.mergedContactIds.includes(contactId)) return contact;
  return {
    ...contact,
    mergedContactIds: [...contact.mergedContactIds, contactId],
    updatedAt: mergedAt,
  };
};

const evolveContact = (
  current: ContactDocument | undefined,
  event: ProjectedEvent<ContactEvent>,
  documentId: string,
): ContactDocument | undefined => {
  if (event.type === 'ContactCreated') return current ?? created(event, documentId);
  // The log is history: an event for a contact this projection never saw changes nothing.
  if (current === undefined) return current;
  const updatedAt = event.metadata.recordedAt;
  switch (event.type) {
    case 'ContactUpdated':
      return updated(current, event);
    case 'ContactLinkedToAccount':
      return { ...current, accountId: event.data.accountId, updatedAt };
    case 'ContactUnlinkedFromAccount': {
      const { accountId: _unlinked, ...rest } = current;
      return { ...rest, updatedAt };
    }
    case 'ContactOwnerAssigned':
      return { ...current, ownerId: event.data.ownerId, updatedAt };
    case 'ContactOwnerUnassigned': {
      const { ownerId: _cleared, ...rest } = current;
      return { ...rest, updatedAt };
    }
    case 'ContactTagged':
      return current.tags.includes(event.data.tag)
        ? current
        : { ...current, tags: [...current.tags, event.data.tag], updatedAt };
    case 'ContactUntagged':
      return current.tags.includes(event.data.tag)
        ? { ...current, tags: current.tags.filter((tag) => tag !== event.data.tag), updatedAt }
        : current;
    case 'ContactCustomFieldSet':
      return {
        ...current,
        // A computed key defines an own property, so even `__proto__` stays a plain field.
        customFields: { ...current.customFields, [event.data.key]: event.data.value },
        updatedAt,
      };
    case 'ContactConsentRecorded': {
      const { channel, status, source, recordedAt } = event.data;
      return {
        ...current,
        consents: { ...current.consents, [channel]: { status, source, recordedAt } },
        updatedAt: recordedAt,
      };
    }
    case 'ContactMerged':
      return merged(current, event, documentId);
  }
};

/** Contacts are found by name, email addresses and phone numbers. */
const searchTexts = (contact: ContactDocument) => [
  contact.fullName,
  ...contact.emails.map((email) => email.address),
  ...contact.phones.map((phone) => phone.number),
];

export const contactsProjection: Projection<ContactDocument> = {
  name: 'contacts',
  version: 3,
  history: true,
  indexes: [
    // With the status: an account's active contacts.
    { fields: ['tenantId', 'accountId', 'status'] },
    { fields: ['tenantId', 'ownerId'] },
    { fields: ['tenantId', 'tags'] },
    { fields: ['tenantId', 'emailsLower'] },
    { fields: ['tenantId', 'status'] },
    // A search within a status (the list always has one) in the list's order: the index alone
    // answers it, sorted, paged and counted (one term is a single equality on the array field:
    // see filter-plan.ts).
    { fields: ['tenantId', SEARCH_FIELD, 'status', 'searchName', 'contactId'] },
  ],
  handles,
  documentIds(event) {
    if (!isContactEvent(event)) return [];
    const { tenantId } = event.metadata;
    const contactId = requireId(event, 'contactId', event.data.contactId);
    if (event.type !== 'ContactMerged') return [documentIdFor(tenantId, contactId)];
    const survivorId = requireId(event, 'survivorId', event.data.survivorId);
    return [...new Set([documentIdFor(tenantId, contactId), documentIdFor(tenantId, survivorId)])];
  },
  evolve(current, event, documentId) {
    if (!isContactEvent(event)) return current;
    const next = evolveContact(current, event, documentId);
    return next === undefined || next === null || next === current
      ? next
      : withSearchTerms(next, current, searchTexts);
  },
};
