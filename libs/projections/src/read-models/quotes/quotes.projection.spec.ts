import { QuoteEvent, QuoteLine, toMoney } from '@crm/domain';
import { projectedEvent, ProjectionSpecification } from '@crm/testing';
import { QuoteDocument, quotesProjection } from './quotes.projection';

const quoteId = 'q-1';
const parties = { accountId: 'a-1', dealId: 'd-1' };
/** Minor units, from the major units the figures read best in. */
const eur = (amount: number) => toMoney({ amount, currency: 'EUR' });
const on = (event: QuoteEvent, tenantId = 'acme') => projectedEvent(event, { tenantId });
const seats: QuoteLine = {
  lineId: 'l-1',
  productName: 'Seat licence',
  quantity: 50,
  unitPrice: eur(240.5),
  discountPercent: 10,
};
const cards: QuoteLine = {
  lineId: 'l-2',
  productName: 'Punched cards',
  quantity: 3,
  unitPrice: eur(0.1),
  discountPercent: 0,
};
const created = on({
  type: 'QuoteCreated',
  data: {
    quoteId,
    title: 'Engines',
    ...parties,
    currency: 'EUR',
    validUntil: '2026-02-28',
    createdAt: '2026-01-15T10:00:00.000Z',
  },
});
const added = (line: QuoteLine) => on({ type: 'QuoteLineAdded', data: { quoteId, line } });
const spec = ProjectionSpecification.for(quotesProjection);

const draft: QuoteDocument = {
  _id: 'acme:q-1',
  tenantId: 'acme',
  quoteId,
  title: 'Engines',
  ...parties,
  currency: 'EUR',
  validUntil: '2026-02-28',
  status: 'draft',
  version: 1,
  lines: [],
  discountPercent: 0,
  subtotal: eur(0),
  discount: eur(0),
  total: eur(0),
  createdAt: '2026-01-15T10:00:00.000Z',
};

describe('quotes projection', () => {
  it('holds a created quote as an empty draft', () => spec.given([created]).then([draft]));

  it('keeps each line with its net and the exact totals after every change', () =>
    spec
      .given([
        created,
        added(seats),
        added(cards),
        on({ type: 'QuoteLineChanged', data: { quoteId, line: { ...seats, quantity: 40 } } }),
        on({ type: 'QuoteDiscountSet', data: { quoteId, discountPercent: 5 } }),
      ])
      .then([
        {
          ...draft,
          lines: [
            { ...seats, quantity: 40, net: eur(8658) },
            { ...cards, net: eur(0.3) },
          ],
          discountPercent: 5,
          subtotal: eur(8658.3),
          discount: eur(432.92),
          total: eur(8225.38),
        },
      ]));

  it('follows the quote through sending, rejection and a revision', () =>
    spec
      .given([
        created,
        added(seats),
        on({ type: 'QuoteLineRemoved', data: { quoteId, lineId: 'l-1' } }),
        added(cards),
        on({
          type: 'QuoteSent',
          data: { quoteId, ...parties, version: 1, total: eur(0.3), sentAt: '2026-01-16' },
        }),
        on({
          type: 'QuoteRejected',
          data: { quoteId, ...parties, version: 1, reason: 'no', rejectedAt: '2026-01-17' },
        }),
        on({
          type: 'QuoteRevised',
          data: { quoteId, ...parties, version: 2, validUntil: '2026-03-31', revisedAt: 'x' },
        }),
      ])
      .then([
        {
          ...draft,
          version: 2,
          validUntil: '2026-03-31',
          lines: [{ ...cards, net: eur(0.3) }],
          subtotal: eur(0.3),
          total: eur(0.3),
        },
      ]));

  it('records acceptance and expiry with their time', () => {
    const sent = on({
      type: 'QuoteSent',
      data: { quoteId, ...parties, version: 1, total: eur(0), sentAt: '2026-01-16' },
    });
    spec
      .given([
        created,
        sent,
        on({
          type: 'QuoteAccepted',
          data: { quoteId, ...parties, version: 1, total: eur(0), acceptedAt: '2026-01-18' },
        }),
      ])
      .thenDocument('acme:q-1', {
        status: 'accepted',
        sentAt: '2026-01-16',
        decidedAt: '2026-01-18',
      });
    spec
      .given([
        created,
        sent,
        on({
          type: 'QuoteExpired',
          data: { quoteId, ...parties, version: 1, expiredAt: '2026-03-01' },
        }),
      ])
      .thenDocument('acme:q-1', { status: 'expired', decidedAt: '2026-03-01' });
  });

  it('keeps tenants apart and ignores events of other aggregates', () => {
    spec
      .given([created, on(created as QuoteEvent, 'globex')])
      .then([draft, { ...draft, _id: 'globex:q-1', tenantId: 'globex' }]);
    const dealWon = projectedEvent({ type: 'DealWon', data: { dealId: 'd-1' } });
    expect(quotesProjection.handles.has(dealWon.type)).toBe(false);
    expect(quotesProjection.documentIds(dealWon)).toEqual([]);
  });
});
