import { contactErrors, ContactState } from '@crm/domain';
import { KindCatalogue } from './command-entry';
import { IntentsOf } from './command-types';

export type ContactIntents = IntentsOf<'contact'>;

export const contactCatalogue = {
  CreateContact: {
    creates: true,
    permission: 'contact:create',
    references: [{ field: 'accountId', kind: 'account' }],
    route: { method: 'POST', path: '/contacts', summary: 'Create a contact', handler: 'create' },
  },
  UpdateContact: {
    permission: 'contact:update',
    route: {
      method: 'PATCH',
      path: '/contacts/:id',
      summary: 'Update a contact (fields left out are not touched, lists given replace)',
      handler: 'update',
    },
  },
  LinkContactToAccount: {
    permission: 'contact:link-to-account',
    references: [{ field: 'accountId', kind: 'account' }],
    route: {
      method: 'POST',
      path: '/contacts/:id/account',
      summary: 'Link a contact to an account',
      handler: 'linkToAccount',
    },
  },
  UnlinkContactFromAccount: {
    permission: 'contact:unlink-from-account',
    route: {
      method: 'DELETE',
      path: '/contacts/:id/account',
      summary: 'Unlink a contact from its account',
      handler: 'unlinkFromAccount',
    },
  },
  AssignContactOwner: {
    permission: 'contact:assign-owner',
    route: {
      method: 'POST',
      path: '/contacts/:id/owner',
      summary: 'Assign the owner of a contact (ownerId null clears it)',
      handler: 'assignOwner',
    },
  },
  TagContact: {
    permission: 'contact:tag',
    route: { method: 'POST', path: '/contacts/:id/tags', summary: 'Tag a contact', handler: 'tag' },
  },
  UntagContact: {
    permission: 'contact:untag',
    route: {
      method: 'DELETE',
      path: '/contacts/:id/tags/:tag',
      summary: 'Remove a tag from a contact',
      handler: 'untag',
    },
  },
  SetContactCustomField: {
    permission: 'contact:set-custom-field',
    route: {
      method: 'PUT',
      path: '/contacts/:id/custom-fields/:key',
      summary: 'Set a custom field of a contact',
      handler: 'setCustomField',
    },
  },
  RecordContactConsent: {
    permission: 'contact:record-consent',
    route: {
      method: 'POST',
      path: '/contacts/:id/consents',
      summary: "Record a contact's consent on a channel",
      handler: 'recordConsent',
    },
  },
  MergeContact: {
    permission: 'contact:merge',
    references: [{ field: 'survivorId', kind: 'contact' }],
    prepare: async (intent, _context, lookup) => {
      const survivor = await lookup.state<ContactState>('contact', intent.survivorId);
      if (survivor.exists && survivor.status === 'merged') {
        throw contactErrors.rule(
          'CONTACT_SURVIVOR_MERGED',
          `contact ${intent.survivorId} was itself merged`,
          {
            survivorId: intent.survivorId,
            mergedInto: survivor.survivorId,
          },
        );
      }
      return intent;
    },
    route: {
      method: 'POST',
      path: '/contacts/:id/merge',
      summary: 'Merge a duplicate contact into the survivor',
      handler: 'merge',
    },
  },
} satisfies KindCatalogue<'contact', ContactIntents>;
