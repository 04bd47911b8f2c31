import { GeneratorContext } from '../demo-world';
import { DAY, daysLater, isoDate } from '../time';
import { PRODUCTS } from '../vocabulary';

/**
 * Quotes for about a third of the deals, soon after each opened: a few priced lines, sent, then
 * accepted, rejected or left open. Planned last, so the earlier parts of the history keep their draws.
 */
export const planQuotes = ({ rng, plan, world }: GeneratorContext): void => {
  for (const deal of world.deals) {
    if (!rng.chance(0.3)) continue;
    const quoteId = rng.uuid();
    const account = world.accounts.find((candidate) => candidate.id === deal.accountId);
    const actorId = account?.ownerId ?? 'demo-seller';
    let at = plan.add(
      deal.at + daysLater(rng.int(1, 10), 10, rng.float()),
      actorId,
      'quote',
      quoteId,
      {
        type: 'CreateQuote',
        data: {
          quoteId,
          title: `Offer ${quoteId.slice(0, 8)}`,
          accountId: deal.accountId,
          dealId: deal.id,
          ...(deal.contactId && { contactId: deal.contactId }),
          currency: 'EUR',
          validUntil: isoDate(deal.at + 60 * DAY),
        },
      },
    );
    const lines = rng.int(1, 3);
    for (let i = 0; i < lines; i++) {
      at = plan.add(at + 60_000, actorId, 'quote', quoteId, {
        type: 'AddQuoteLine',
        data: {
          quoteId,
          lineId: `line-${i + 1}`,
          productName: rng.pick(PRODUCTS),
          quantity: rng.int(1, 40),
          unitPrice: { amount: rng.int(50, 5000) + rng.int(0, 99) / 100, currency: 'EUR' },
          discountPercent: rng.pick([0, 0, 5, 10, 12.5]),
        },
      });
    }
    at = plan.add(at + DAY, actorId, 'quote', quoteId, { type: 'SendQuote', data: { quoteId } });
    const outcome = rng.float();
    if (outcome < 0.5) {
      plan.add(at + rng.int(1, 20) * DAY, actorId, 'quote', quoteId, {
        type: 'AcceptQuote',
        data: { quoteId },
      });
    } else if (outcome < 0.75) {
      plan.add(at + rng.int(1, 20) * DAY, actorId, 'quote', quoteId, {
        type: 'RejectQuote',
        data: { quoteId, reason: 'price too high' },
      });
    }
  }
};
