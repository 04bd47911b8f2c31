import {
  changesCustomField,
  ownerChange,
  RecordNaming,
  sameValue,
  tagToAdd,
  tagToRemove,
} from '../shared';
import { contactErrors } from './contact.errors';
import { ContactCommand, ContactEmail, UpdateContact } from './contact.commands';
import { ContactEvent } from './contact.events';
import { ContactState } from './contact.state';

type ExistingContact = Extract<ContactState, { exists: true }>;
type ContactDetails = Omit<UpdateContact['data'], 'contactId'>;

const DETAIL_FIELDS = [
  'firstName',
  'lastName',
  'emails',
  'phones',
  'title',
  'socialProfiles',
  'address',
] as const satisfies readonly (keyof ContactDetails)[];

const assertActive = (state: ContactState, contactId: string): ExistingContact => {
  if (!state.exists) throw contactErrors.notFound(contactId);
  if (state.status === 'merged') {
    throw contactErrors.rule(
      'CONTACT_MERGED',
      `contact ${contactId} was merged into contact ${state.survivorId}`,
      { contactId, survivorId: state.survivorId },
    );
  }
  return state;
};

const naming = (contactId: string): RecordNaming => ({
  record: `contact ${contactId}`,
  aKind: 'a contact',
});

/** At most one primary email, and no address twice (compared case-insensitively). */
const assertValidEmails = (contactId: string, emails: readonly ContactEmail[]): void => {
  const primaries = emails.filter((email) => email.primary === true);
  if (primaries.length > 1) {
    throw contactErrors.rule(
      'CONTACT_MULTIPLE_PRIMARY_EMAILS',
      `contact ${contactId} can have only one primary email`,
      { contactId, primaryEmails: primaries.map((email) => email.address) },
    );
  }
  const seen = new Set<string>();
  for (const email of emails) {
    const comparable = email.address.toLowerCase();
    if (seen.has(comparable)) {
      throw contactErrors.rule(
        'CONTACT_DUPLICATE_EMAIL',
        `email ${email.address} is listed more than once for contact ${contactId}`,
        { contactId, address: email.address },
      );
    }
    seen.add(comparable);
  }
};

/** The requested fields whose value differs from the contact's current one. */
const changedDetails = (contact: ExistingContact, requested: ContactDetails): ContactDetails => {
  const changes: ContactDetails = {};
  const consider = <K extends keyof ContactDetails>(field: K): void => {
    const value = requested[field];
    if (value === undefined) return;
    if (value === null ? contact[field] !== undefined : !sameValue(value, contact[field]))
      changes[field] = value;
  };
  DETAIL_FIELDS.forEach(consider);
  return changes;
};

export const decideContact = (command: ContactCommand, state: ContactState): ContactEvent[] => {
  const now = command.metadata.now.toISOString();
  switch (command.type) {
    case 'CreateContact':
      if (state.exists) throw contactErrors.alreadyExists(command.data.contactId);
      assertValidEmails(command.data.contactId, command.data.emails);
      return [{ type: 'ContactCreated', data: { ...command.data } }];
    case 'UpdateContact': {
      const { contactId, ...requested } = command.data;
      const contact = assertActive(state, contactId);
      if (requested.emails !== undefined) assertValidEmails(contactId, requested.emails);
      const changes = changedDetails(contact, requested);
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'ContactUpdated', data: { contactId, ...changes } }];
    }
    case 'LinkContactToAccount': {
      const { contactId, accountId } = command.data;
      const contact = assertActive(state, contactId);
      if (contact.accountId === accountId) return [];
      return [
        {
          type: 'ContactLinkedToAccount',
          data: {
            contactId,
            accountId,
            ...(contact.accountId !== undefined ? { previousAccountId: contact.accountId } : {}),
          },
        },
      ];
    }
    case 'UnlinkContactFromAccount': {
      const { contactId } = command.data;
      const contact = assertActive(state, contactId);
      if (contact.accountId === undefined) {
        throw contactErrors.rule(
          'CONTACT_NOT_LINKED',
          `contact ${contactId} is not linked to an account`,
          {
            contactId,
          },
        );
      }
      return [
        { type: 'ContactUnlinkedFromAccount', data: { contactId, accountId: contact.accountId } },
      ];
    }
    case 'AssignContactOwner': {
      const { contactId, ownerId } = command.data;
      const change = ownerChange(assertActive(state, contactId).ownerId, ownerId);
      if (change === undefined) return [];
      if (change.unassigned) {
        const { previousOwnerId } = change;
        return [{ type: 'ContactOwnerUnassigned', data: { contactId, previousOwnerId } }];
      }
      const { unassigned: _unassigned, ...assigned } = change;
      return [{ type: 'ContactOwnerAssigned', data: { contactId, ...assigned } }];
    }
    case 'TagContact': {
      const contact = assertActive(state, command.data.contactId);
      const tag = tagToAdd(
        contact.tags,
        command.data.tag,
        naming(command.data.contactId),
        (message, details) => contactErrors.rule('CONTACT_TAGS_TOO_MANY', message, details),
      );
      return tag === undefined ? [] : [{ type: 'ContactTagged', data: { ...command.data, tag } }];
    }
    case 'UntagContact': {
      const contact = assertActive(state, command.data.contactId);
      const tag = tagToRemove(contact.tags, command.data.tag);
      return tag === undefined ? [] : [{ type: 'ContactUntagged', data: { ...command.data, tag } }];
    }
    case 'SetContactCustomField': {
      const { contactId, key, value } = command.data;
      const { customFields } = assertActive(state, contactId);
      const changes = changesCustomField(
        customFields,
        key,
        value,
        naming(contactId),
        (message, details) =>
          contactErrors.rule('CONTACT_CUSTOM_FIELDS_TOO_MANY', message, details),
      );
      return changes ? [{ type: 'ContactCustomFieldSet', data: { ...command.data } }] : [];
    }
    case 'RecordContactConsent':
      // Always recorded: a repeated consent is still an audit fact.
      assertActive(state, command.data.contactId);
      return [{ type: 'ContactConsentRecorded', data: { ...command.data, recordedAt: now } }];
    case 'MergeContact': {
      const { contactId, survivorId } = command.data;
      assertActive(state, contactId);
      if (survivorId === contactId) {
        throw contactErrors.rule(
          'CONTACT_MERGE_INTO_SELF',
          `contact ${contactId} cannot be merged into itself`,
          {
            contactId,
          },
        );
      }
      return [{ type: 'ContactMerged', data: { contactId, survivorId, mergedAt: now } }];
    }
  }
};
