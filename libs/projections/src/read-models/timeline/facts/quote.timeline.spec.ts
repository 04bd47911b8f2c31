import { QuoteEvent } from '@crm/domain';
import { projectedEvent } from '@crm/testing';
import { timelineSummary } from '../timeline-summary';
import { timelineProjection } from '../timeline.projection';

const parties = { accountId: 'a-1', dealId: 'd-1' };
const total = { amountMinor: 1082250, currency: 'EUR' };

const entryOf = (event: QuoteEvent) => {
  const projected = projectedEvent(event, { recordedAt: '2026-02-01T08:00:00.000Z' });
  const [id] = timelineProjection.documentIds(projected);
  return timelineProjection.evolve(undefined, projected, id);
};

describe('quotes on the timeline', () => {
  it.each<[QuoteEvent, object, string]>([
    [
      {
        type: 'QuoteCreated',
        data: {
          quoteId: 'q-1',
          title: 'Engines',
          ...parties,
          contactId: 'c-1',
          currency: 'EUR',
          validUntil: '2026-02-28',
          createdAt: '2026-01-15T10:00:00.000Z',
        },
      },
      { quoteId: 'q-1', accountId: 'a-1', dealId: 'd-1', contactId: 'c-1' },
      'Quote created: Engines (EUR, valid until 2026-02-28)',
    ],
    [
      {
        type: 'QuoteSent',
        data: { quoteId: 'q-1', ...parties, version: 1, total, sentAt: '2026-01-16T10:00:00.000Z' },
      },
      { quoteId: 'q-1', ...parties },
      'Quote sent (version 1, 10822.5 EUR)',
    ],
    [
      {
        type: 'QuoteAccepted',
        data: { quoteId: 'q-1', accountId: 'a-1', version: 2, total, acceptedAt: '2026-01-17' },
      },
      { quoteId: 'q-1', accountId: 'a-1' },
      'Quote accepted (version 2, 10822.5 EUR)',
    ],
    [
      {
        type: 'QuoteRejected',
        data: { quoteId: 'q-1', ...parties, version: 1, reason: 'too dear', rejectedAt: 'x' },
      },
      { quoteId: 'q-1', ...parties },
      'Quote rejected: too dear',
    ],
    [
      { type: 'QuoteExpired', data: { quoteId: 'q-1', ...parties, version: 1, expiredAt: 'x' } },
      { quoteId: 'q-1', ...parties },
      'Quote expired (version 1)',
    ],
    [
      {
        type: 'QuoteRevised',
        data: { quoteId: 'q-1', ...parties, version: 2, validUntil: '2026-03-31', revisedAt: 'x' },
      },
      { quoteId: 'q-1', ...parties },
      'Quote revised: version 2, valid until 2026-03-31',
    ],
  ])('%# %s', (event, links, summary) => {
    const entry = entryOf(event);
    expect(entry).toMatchObject({ type: event.type, ...links });
    expect(entry).not.toHaveProperty('summary');
    expect(entry && timelineSummary(entry)).toBe(summary);
  });

  it('leaves line edits off the timeline', () => {
    const added = projectedEvent<QuoteEvent>({
      type: 'QuoteLineAdded',
      data: {
        quoteId: 'q-1',
        line: {
          lineId: 'l-1',
          productName: 'x',
          quantity: 1,
          unitPrice: { amountMinor: 100, currency: 'EUR' },
          discountPercent: 0,
        },
      },
    });
    expect(timelineProjection.documentIds(added)).toEqual([]);
  });
});
