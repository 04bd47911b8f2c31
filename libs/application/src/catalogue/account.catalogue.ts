import { KindCatalogue } from './command-entry';
import { IntentsOf } from './command-types';

export type AccountIntents = IntentsOf<'account'>;

export const accountCatalogue = {
  RegisterAccount: {
    creates: true,
    permission: 'account:register',
    route: {
      method: 'POST',
      path: '/accounts',
      summary: 'Register an account',
      handler: 'register',
    },
  },
  UpdateAccountProfile: {
    permission: 'account:update',
    route: {
      method: 'PATCH',
      path: '/accounts/:id',
      summary: "Update an account's profile (fields left out are not touched)",
      handler: 'update',
    },
  },
  AssignAccountOwner: {
    permission: 'account:assign-owner',
    route: {
      method: 'POST',
      path: '/accounts/:id/owner',
      summary: 'Assign the owner of an account (ownerId null clears it)',
      handler: 'assignOwner',
    },
  },
  TagAccount: {
    permission: 'account:tag',
    route: {
      method: 'POST',
      path: '/accounts/:id/tags',
      summary: 'Tag an account',
      handler: 'tag',
    },
  },
  UntagAccount: {
    permission: 'account:untag',
    route: {
      method: 'DELETE',
      path: '/accounts/:id/tags/:tag',
      summary: 'Remove a tag from an account',
      handler: 'untag',
    },
  },
  SetAccountCustomField: {
    permission: 'account:set-custom-field',
    route: {
      method: 'PUT',
      path: '/accounts/:id/custom-fields/:key',
      summary: 'Set a custom field of an account',
      handler: 'setCustomField',
    },
  },
  ArchiveAccount: {
    permission: 'account:archive',
    route: {
      method: 'POST',
      path: '/accounts/:id/archive',
      summary: 'Archive an account',
      handler: 'archive',
    },
  },
} satisfies KindCatalogue<'account', AccountIntents>;
