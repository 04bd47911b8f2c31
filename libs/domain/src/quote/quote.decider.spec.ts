import { DeciderSpecification, SPEC_NOW } from '@crm/testing';
import { quoteDecider } from './quote.decider';
import { QuoteEvent, QuoteLine } from './quote.messages';

const quoteId = 'quote-1';
const at = SPEC_NOW.toISOString();
const parties = { accountId: 'account-1', dealId: 'deal-1' };
const create = {
  quoteId,
  title: 'Analytical Engines - 50 seats',
  ...parties,
  contactId: 'contact-1',
  currency: 'EUR',
  validUntil: '2026-02-28',
  dealCurrency: 'EUR',
};
const created: QuoteEvent = {
  type: 'QuoteCreated',
  data: {
    quoteId,
    title: 'Analytical Engines - 50 seats',
    ...parties,
    contactId: 'contact-1',
    currency: 'EUR',
    validUntil: '2026-02-28',
    createdAt: at,
  },
};
const seats: QuoteLine = {
  lineId: 'line-1',
  productName: 'Engine seat licence',
  quantity: 50,
  unitPrice: { amountMinor: 24_050, currency: 'EUR' },
  discountPercent: 10,
};
const lineAdded: QuoteEvent = { type: 'QuoteLineAdded', data: { quoteId, line: seats } };
// 50 x 240.50 = 12025.00, less 10 % = 10822.50
const total = { amountMinor: 1_082_250, currency: 'EUR' };
const sent: QuoteEvent = {
  type: 'QuoteSent',
  data: { quoteId, ...parties, version: 1, total, sentAt: at },
};
const accepted: QuoteEvent = {
  type: 'QuoteAccepted',
  data: { quoteId, ...parties, version: 1, total, acceptedAt: at },
};
const afterValidity = new Date('2026-03-01T00:00:00.000Z');
const spec = DeciderSpecification.for(quoteDecider);
/** The line as a command prices it: the unit price in major units. */
const seatsInput = { ...seats, unitPrice: { amount: 240.5, currency: 'EUR' } };
const { lineId: _lineId, ...seatInput } = seatsInput;

describe('Quote decider', () => {
  describe('CreateQuote', () => {
    it('creates a draft quote for an account and a deal in the deal currency', () =>
      spec.given([]).when({ type: 'CreateQuote', data: create }).then([created]));

    it('refuses a quote id that already exists', () =>
      spec
        .given([created])
        .when({ type: 'CreateQuote', data: create })
        .thenThrows('QUOTE_ALREADY_EXISTS', 'already_exists'));

    it('refuses a currency that is not an ISO 4217 code', () =>
      spec
        .given([])
        .when({ type: 'CreateQuote', data: { ...create, currency: 'euro', dealCurrency: 'euro' } })
        .thenThrows('QUOTE_INVALID_CURRENCY'));

    it("refuses a currency other than the deal's", () =>
      spec
        .given([])
        .when({ type: 'CreateQuote', data: { ...create, currency: 'USD' } })
        .thenThrows('QUOTE_CURRENCY_MISMATCH'));

    it('refuses a validity that is no calendar date or already past', () => {
      spec
        .given([])
        .when({ type: 'CreateQuote', data: { ...create, validUntil: '2026-02-30' } })
        .thenThrows('QUOTE_INVALID_VALID_UNTIL');
      spec
        .given([])
        .when({ type: 'CreateQuote', data: { ...create, validUntil: '2026-01-14' } })
        .thenThrows('QUOTE_INVALID_VALID_UNTIL');
    });
  });

  describe('line items', () => {
    it('adds a line, discount 0 when left out', () =>
      spec
        .given([created])
        .when({
          type: 'AddQuoteLine',
          data: { quoteId, lineId: 'line-2', ...seatInput, discountPercent: undefined },
        })
        .then([
          {
            type: 'QuoteLineAdded',
            data: { quoteId, line: { ...seats, lineId: 'line-2', discountPercent: 0 } },
          },
        ]));

    it('refuses a second line with the same id', () =>
      spec
        .given([created, lineAdded])
        .when({ type: 'AddQuoteLine', data: { quoteId, ...seatsInput } })
        .thenThrows('QUOTE_DUPLICATE_LINE'));

    it.each([0, -1, 1.5, 1_000_001])('refuses quantity %p', (quantity) =>
      spec
        .given([created])
        .when({ type: 'AddQuoteLine', data: { quoteId, ...seatsInput, quantity } })
        .thenThrows('QUOTE_INVALID_QUANTITY'),
    );

    it("prices in the quote currency's own minor unit: whole yen, thousandths of a dinar", () => {
      const inCurrency = (currency: string): QuoteEvent => ({
        type: 'QuoteCreated',
        data: {
          ...(created.data as Extract<QuoteEvent, { type: 'QuoteCreated' }>['data']),
          currency,
        },
      });
      const line = (amount: number, currency: string) => ({
        type: 'AddQuoteLine' as const,
        data: { quoteId, ...seatInput, lineId: 'line-9', unitPrice: { amount, currency } },
      });
      spec
        .given([inCurrency('JPY')])
        .when(line(0.5, 'JPY'))
        .thenThrows('QUOTE_INVALID_PRICE');
      spec
        .given([inCurrency('KWD')])
        .when(line(1.234, 'KWD'))
        .then([
          {
            type: 'QuoteLineAdded',
            data: {
              quoteId,
              line: {
                ...seats,
                lineId: 'line-9',
                unitPrice: { amountMinor: 1234, currency: 'KWD' },
              },
            },
          },
        ]);
    });

    it('refuses a line whose gross is beyond the exact range', () =>
      spec
        .given([created])
        .when({
          type: 'AddQuoteLine',
          data: {
            quoteId,
            ...seatInput,
            lineId: 'line-9',
            quantity: 1_000_000,
            unitPrice: { amount: 1e10, currency: 'EUR' },
          },
        })
        .thenThrows('QUOTE_INVALID_PRICE'));

    it.each([-0.01, 1.005, Number.NaN])('refuses unit price %p', (amount) =>
      spec
        .given([created])
        .when({
          type: 'AddQuoteLine',
          data: { quoteId, ...seatsInput, unitPrice: { amount, currency: 'EUR' } },
        })
        .thenThrows('QUOTE_INVALID_PRICE'),
    );

    it("refuses a price in another currency than the quote's", () =>
      spec
        .given([created])
        .when({
          type: 'AddQuoteLine',
          data: { quoteId, ...seatsInput, unitPrice: { amount: 10, currency: 'USD' } },
        })
        .thenThrows('QUOTE_CURRENCY_MISMATCH'));

    it.each([-1, 100.01, 12.345])('refuses discount %p %', (discountPercent) =>
      spec
        .given([created])
        .when({ type: 'AddQuoteLine', data: { quoteId, ...seatsInput, discountPercent } })
        .thenThrows('QUOTE_INVALID_DISCOUNT'),
    );

    it('changes the fields given and keeps the others', () =>
      spec
        .given([created, lineAdded])
        .when({ type: 'ChangeQuoteLine', data: { quoteId, lineId: 'line-1', quantity: 60 } })
        .then([{ type: 'QuoteLineChanged', data: { quoteId, line: { ...seats, quantity: 60 } } }]));

    it('changes nothing when the line already reads so', () =>
      spec
        .given([created, lineAdded])
        .when({ type: 'ChangeQuoteLine', data: { quoteId, lineId: 'line-1', quantity: 50 } })
        .thenNothingHappens());

    it('removes a line, and refuses a line it does not have', () => {
      spec
        .given([created, lineAdded])
        .when({ type: 'RemoveQuoteLine', data: { quoteId, lineId: 'line-1' } })
        .then([{ type: 'QuoteLineRemoved', data: { quoteId, lineId: 'line-1' } }]);
      spec
        .given([created])
        .when({ type: 'ChangeQuoteLine', data: { quoteId, lineId: 'line-9', quantity: 2 } })
        .thenThrows('QUOTE_LINE_NOT_FOUND');
      spec
        .given([created])
        .when({ type: 'RemoveQuoteLine', data: { quoteId, lineId: 'line-9' } })
        .thenThrows('QUOTE_LINE_NOT_FOUND');
    });

    it('refuses any line change once the quote is sent', () => {
      spec
        .given([created, lineAdded, sent])
        .when({ type: 'AddQuoteLine', data: { quoteId, ...seatsInput, lineId: 'line-2' } })
        .thenThrows('QUOTE_NOT_DRAFT');
      spec
        .given([created, lineAdded, sent])
        .when({ type: 'ChangeQuoteLine', data: { quoteId, lineId: 'line-1', quantity: 1 } })
        .thenThrows('QUOTE_NOT_DRAFT');
      spec
        .given([created, lineAdded, sent])
        .when({ type: 'RemoveQuoteLine', data: { quoteId, lineId: 'line-1' } })
        .thenThrows('QUOTE_NOT_DRAFT');
      spec
        .given([created, lineAdded, sent])
        .when({ type: 'SetQuoteDiscount', data: { quoteId, discountPercent: 5 } })
        .thenThrows('QUOTE_NOT_DRAFT');
    });

    it('refuses a line on a quote that does not exist', () =>
      spec
        .given([])
        .when({ type: 'AddQuoteLine', data: { quoteId, ...seatsInput } })
        .thenThrows('QUOTE_NOT_FOUND', 'not_found'));
  });

  describe('SetQuoteDiscount', () => {
    it('sets the discount on the whole quote, once', () => {
      spec
        .given([created])
        .when({ type: 'SetQuoteDiscount', data: { quoteId, discountPercent: 5 } })
        .then([{ type: 'QuoteDiscountSet', data: { quoteId, discountPercent: 5 } }]);
      spec
        .given([created])
        .when({ type: 'SetQuoteDiscount', data: { quoteId, discountPercent: 0 } })
        .thenNothingHappens();
    });

    it('refuses a discount outside 0-100 %', () =>
      spec
        .given([created])
        .when({ type: 'SetQuoteDiscount', data: { quoteId, discountPercent: 150 } })
        .thenThrows('QUOTE_INVALID_DISCOUNT'));
  });

  describe('SendQuote', () => {
    it('sends a draft with its exact total: line discounts, then the quote discount', () =>
      spec
        .given([
          created,
          lineAdded,
          {
            type: 'QuoteLineAdded',
            data: {
              quoteId,
              line: {
                lineId: 'line-2',
                productName: 'Punched cards (box)',
                quantity: 3,
                unitPrice: { amountMinor: 10, currency: 'EUR' },
                discountPercent: 0,
              },
            },
          },
          { type: 'QuoteDiscountSet', data: { quoteId, discountPercent: 33.33 } },
        ])
        .when({ type: 'SendQuote', data: { quoteId } })
        // lines 10822.50 + 0.30 = 10822.80; 33.33 % of it is 3607.239... -> 3607.24
        .then([
          {
            type: 'QuoteSent',
            data: {
              quoteId,
              ...parties,
              version: 1,
              total: { amountMinor: 721_556, currency: 'EUR' },
              sentAt: at,
            },
          },
        ]));

    it('refuses a quote without lines, a quote already sent and a quote past its validity', () => {
      spec
        .given([created])
        .when({ type: 'SendQuote', data: { quoteId } })
        .thenThrows('QUOTE_NO_LINES');
      spec
        .given([created, lineAdded, sent])
        .when({ type: 'SendQuote', data: { quoteId } })
        .thenThrows('QUOTE_NOT_DRAFT');
      spec
        .given([created, lineAdded])
        .when({ type: 'SendQuote', data: { quoteId } }, afterValidity)
        .thenThrows('QUOTE_INVALID_VALID_UNTIL');
    });
  });

  describe('AcceptQuote, RejectQuote, ExpireQuote', () => {
    it('accepts a sent quote on its last valid day', () =>
      spec
        .given([created, lineAdded, sent])
        .when({ type: 'AcceptQuote', data: { quoteId } }, new Date('2026-02-28T23:59:59.000Z'))
        .then([
          { ...accepted, data: { ...accepted.data, acceptedAt: '2026-02-28T23:59:59.000Z' } },
        ]));

    it('refuses to accept a draft, and a sent quote whose validity has passed', () => {
      spec
        .given([created, lineAdded])
        .when({ type: 'AcceptQuote', data: { quoteId } })
        .thenThrows('QUOTE_NOT_SENT');
      spec
        .given([created, lineAdded, sent])
        .when({ type: 'AcceptQuote', data: { quoteId } }, afterValidity)
        .thenThrows('QUOTE_EXPIRED');
    });

    it('rejects a sent quote with the reason, and refuses to reject a draft', () => {
      spec
        .given([created, lineAdded, sent])
        .when({ type: 'RejectQuote', data: { quoteId, reason: 'too expensive' } })
        .then([
          {
            type: 'QuoteRejected',
            data: { quoteId, ...parties, version: 1, reason: 'too expensive', rejectedAt: at },
          },
        ]);
      spec
        .given([created])
        .when({ type: 'RejectQuote', data: { quoteId, reason: 'no' } })
        .thenThrows('QUOTE_NOT_SENT');
    });

    it('expires a sent quote once its validity has passed, not before', () => {
      spec
        .given([created, lineAdded, sent])
        .when({ type: 'ExpireQuote', data: { quoteId } }, afterValidity)
        .then([
          {
            type: 'QuoteExpired',
            data: { quoteId, ...parties, version: 1, expiredAt: afterValidity.toISOString() },
          },
        ]);
      spec
        .given([created, lineAdded, sent])
        .when({ type: 'ExpireQuote', data: { quoteId } })
        .thenThrows('QUOTE_NOT_YET_EXPIRED');
      spec
        .given([created, lineAdded, accepted])
        .when({ type: 'ExpireQuote', data: { quoteId } }, afterValidity)
        .thenThrows('QUOTE_NOT_SENT');
    });
  });

  describe('ReviseQuote', () => {
    const revised: QuoteEvent = {
      type: 'QuoteRevised',
      data: { quoteId, ...parties, version: 2, validUntil: '2026-03-31', revisedAt: at },
    };

    it('makes a new version of a sent quote, open for line changes again', () => {
      spec
        .given([created, lineAdded, sent])
        .when({ type: 'ReviseQuote', data: { quoteId, validUntil: '2026-03-31' } })
        .then([revised]);
      spec
        .given([created, lineAdded, sent, revised])
        .when({ type: 'ChangeQuoteLine', data: { quoteId, lineId: 'line-1', quantity: 40 } })
        .then([{ type: 'QuoteLineChanged', data: { quoteId, line: { ...seats, quantity: 40 } } }]);
    });

    it('revises a rejected quote, keeping its validity when none is given', () =>
      spec
        .given([
          created,
          lineAdded,
          sent,
          {
            type: 'QuoteRejected',
            data: { quoteId, ...parties, version: 1, reason: 'no', rejectedAt: at },
          },
        ])
        .when({ type: 'ReviseQuote', data: { quoteId } })
        .then([{ ...revised, data: { ...revised.data, validUntil: '2026-02-28' } }]));

    it('refuses to revise an accepted quote or a draft', () => {
      spec
        .given([created, lineAdded, accepted])
        .when({ type: 'ReviseQuote', data: { quoteId } })
        .thenThrows('QUOTE_ACCEPTED');
      spec
        .given([created])
        .when({ type: 'ReviseQuote', data: { quoteId } })
        .thenThrows('QUOTE_NOT_SENT');
    });
  });
});
