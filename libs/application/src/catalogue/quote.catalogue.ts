import { CreateQuote, DealState } from '@crm/domain';
import { KindCatalogue } from './command-entry';
import { IntentsOf } from './command-types';

/** The client names the deal; the preparer adds its currency, which the quote's must equal. */
export type CreateQuoteIntent = Omit<CreateQuote['data'], 'dealCurrency'>;

export type QuoteIntents = IntentsOf<'quote', { CreateQuote: CreateQuoteIntent }>;

export const quoteCatalogue = {
  CreateQuote: {
    creates: true,
    permission: 'quote:create',
    references: [
      { field: 'accountId', kind: 'account' },
      { field: 'dealId', kind: 'deal' },
      { field: 'contactId', kind: 'contact' },
    ],
    prepare: async (intent, _context, lookup) => {
      if (intent.dealId === undefined) return intent;
      const deal = await lookup.state<DealState>('deal', intent.dealId);
      return deal.exists ? { ...intent, dealCurrency: deal.amount.currency } : intent;
    },
    route: {
      method: 'POST',
      path: '/quotes',
      summary: 'Create a draft quote for an account, usually for one of its deals',
      handler: 'create',
    },
  },
  AddQuoteLine: {
    permission: 'quote:add-line',
    route: {
      method: 'POST',
      path: '/quotes/:id/lines',
      summary: 'Add a line item to a draft quote',
      handler: 'addLine',
    },
  },
  ChangeQuoteLine: {
    permission: 'quote:change-line',
    route: {
      method: 'PATCH',
      path: '/quotes/:id/lines/:lineId',
      summary: 'Change a line item of a draft quote (fields left out are not touched)',
      handler: 'changeLine',
    },
  },
  RemoveQuoteLine: {
    permission: 'quote:remove-line',
    route: {
      method: 'DELETE',
      path: '/quotes/:id/lines/:lineId',
      summary: 'Remove a line item from a draft quote',
      handler: 'removeLine',
    },
  },
  SetQuoteDiscount: {
    permission: 'quote:set-discount',
    route: {
      method: 'POST',
      path: '/quotes/:id/discount',
      summary: 'Set the discount on the whole of a draft quote',
      handler: 'setDiscount',
    },
  },
  SendQuote: {
    permission: 'quote:send',
    route: {
      method: 'POST',
      path: '/quotes/:id/send',
      summary: 'Send a quote: its lines are fixed until it is revised',
      handler: 'send',
    },
  },
  AcceptQuote: {
    permission: 'quote:accept',
    route: {
      method: 'POST',
      path: '/quotes/:id/accept',
      summary: 'Accept a sent quote that has not expired',
      handler: 'accept',
    },
  },
  RejectQuote: {
    permission: 'quote:reject',
    route: {
      method: 'POST',
      path: '/quotes/:id/reject',
      summary: 'Reject a sent quote',
      handler: 'reject',
    },
  },
  ExpireQuote: {
    permission: 'quote:expire',
    route: {
      method: 'POST',
      path: '/quotes/:id/expire',
      summary: 'Mark a sent quote expired once its validity has passed',
      handler: 'expire',
    },
  },
  ReviseQuote: {
    permission: 'quote:revise',
    route: {
      method: 'POST',
      path: '/quotes/:id/revise',
      summary: 'Revise a sent, rejected or expired quote: a new version, open for changes',
      handler: 'revise',
    },
  },
} satisfies KindCatalogue<'quote', QuoteIntents>;
