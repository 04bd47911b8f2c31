import { withClearedFieldsRemoved, withCustomField, withoutTag, withTag } from '../shared';
import { ContactEvent } from './contact.events';
import { ContactState } from './contact.state';

export const evolveContact = (state: ContactState, event: ContactEvent): ContactState => {
  switch (event.type) {
    case 'ContactCreated':
      return {
        exists: true,
        contactId: event.data.contactId,
        status: 'active',
        firstName: event.data.firstName,
        lastName: event.data.lastName,
        emails: event.data.emails,
        phones: event.data.phones,
        title: event.data.title,
        socialProfiles: event.data.socialProfiles ?? [],
        address: event.data.address,
        ownerId: event.data.ownerId,
        accountId: event.data.accountId,
        origin: event.data.origin,
        tags: [],
        customFields: {},
        consents: {},
      };
    case 'ContactUpdated':
      return state.exists ? withClearedFieldsRemoved({ ...state, ...event.data }) : state;
    case 'ContactLinkedToAccount':
      return state.exists ? { ...state, accountId: event.data.accountId } : state;
    case 'ContactUnlinkedFromAccount':
      return state.exists ? { ...state, accountId: undefined } : state;
    case 'ContactOwnerAssigned':
      return state.exists ? { ...state, ownerId: event.data.ownerId } : state;
    case 'ContactOwnerUnassigned':
      return state.exists ? { ...state, ownerId: undefined } : state;
    case 'ContactTagged':
      return state.exists ? withTag(state, event.data.tag) : state;
    case 'ContactUntagged':
      return state.exists ? withoutTag(state, event.data.tag) : state;
    case 'ContactCustomFieldSet':
      return state.exists ? withCustomField(state, event.data.key, event.data.value) : state;
    case 'ContactConsentRecorded': {
      if (!state.exists) return state;
      const { channel, status, source, recordedAt } = event.data;
      return {
        ...state,
        consents: { ...state.consents, [channel]: { status, source, recordedAt } },
      };
    }
    case 'ContactMerged':
      return state.exists
        ? { ...state, status: 'merged', survivorId: event.data.survivorId }
        : state;
  }
};
