import { withClearedFieldsRemoved, withCustomField, withoutTag, withTag } from '../shared';
import { AccountEvent } from './account.events';
import { AccountState } from './account.state';

export const evolveAccount = (state: AccountState, event: AccountEvent): AccountState => {
  switch (event.type) {
    case 'AccountRegistered':
      return {
        exists: true,
        accountId: event.data.accountId,
        status: 'active',
        name: event.data.name,
        domain: event.data.domain,
        industry: event.data.industry,
        size: event.data.size,
        address: event.data.address,
        ownerId: event.data.ownerId,
        tags: [],
        customFields: {},
      };
    case 'AccountProfileUpdated':
      return state.exists ? withClearedFieldsRemoved({ ...state, ...event.data }) : state;
    case 'AccountOwnerAssigned':
      return state.exists ? { ...state, ownerId: event.data.ownerId } : state;
    case 'AccountOwnerUnassigned':
      return state.exists ? { ...state, ownerId: undefined } : state;
    case 'AccountTagged':
      return state.exists ? withTag(state, event.data.tag) : state;
    case 'AccountUntagged':
      return state.exists ? withoutTag(state, event.data.tag) : state;
    case 'AccountCustomFieldSet':
      return state.exists ? withCustomField(state, event.data.key, event.data.value) : state;
    case 'AccountArchived':
      return state.exists ? { ...state, status: 'archived' } : state;
  }
};
