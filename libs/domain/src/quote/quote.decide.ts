import {
  amountProblem,
  isCurrencyCode,
  isFull,
  isIsoDate,
  isPastDate,
  IsoDate,
  limitDetails,
  MAX_MINOR_UNITS,
  moneyProblem,
  sameMoney,
  toMoney,
  toMoneyInput,
} from '../shared';
import { QuoteCommand, QuoteLineInput } from './quote.commands';
import { quoteErrors } from './quote.errors';
import { QuoteEvent, QuoteLine, QuoteParties } from './quote.events';
import { percentInHundredths, quoteTotals } from './quote-pricing';
import { QuoteState, QuoteStatus } from './quote.state';

type ExistingQuote = Extract<QuoteState, { exists: true }>;

const MAX_QUANTITY = 1_000_000;

const assertExists = (state: QuoteState, quoteId: string): ExistingQuote => {
  if (!state.exists) throw quoteErrors.notFound(quoteId);
  return state;
};

const assertStatus = (
  state: QuoteState,
  quoteId: string,
  status: QuoteStatus,
  code: 'QUOTE_NOT_DRAFT' | 'QUOTE_NOT_SENT',
): ExistingQuote => {
  const quote = assertExists(state, quoteId);
  if (quote.status !== status) {
    throw quoteErrors.rule(code, `quote ${quoteId} is ${quote.status}, not ${status}`, {
      quoteId,
      status: quote.status,
    });
  }
  return quote;
};

const assertValidUntil = (quoteId: string, validUntil: IsoDate, now: Date): void => {
  if (!isIsoDate(validUntil) || isPastDate(validUntil, now)) {
    throw quoteErrors.rule(
      'QUOTE_INVALID_VALID_UNTIL',
      `valid until must be a YYYY-MM-DD date not yet past, not "${validUntil}"`,
      { quoteId, validUntil },
    );
  }
};

/** Checks a line's figures and puts them in the quote's currency. */
const pricedLine = (quote: ExistingQuote, lineId: string, input: QuoteLineInput): QuoteLine => {
  const { quoteId, currency } = quote;
  const { productName, quantity, unitPrice } = input;
  const discountPercent = input.discountPercent ?? 0;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw quoteErrors.rule(
      'QUOTE_INVALID_QUANTITY',
      `quantity must be a whole number 1-${MAX_QUANTITY}`,
      {
        quoteId,
        lineId,
        quantity,
      },
    );
  }
  const problem = moneyProblem(unitPrice) ?? amountProblem(unitPrice);
  if (problem !== undefined || toMoney(unitPrice).amountMinor * quantity > MAX_MINOR_UNITS) {
    throw quoteErrors.rule(
      'QUOTE_INVALID_PRICE',
      "a unit price is 0 or more, in the currency's minor units at most, and a line at most " +
        `${MAX_MINOR_UNITS} minor units`,
      {
        quoteId,
        lineId,
        unitPrice: { amount: String(unitPrice.amount), currency: unitPrice.currency },
      },
    );
  }
  if (unitPrice.currency !== currency) {
    throw quoteErrors.rule(
      'QUOTE_CURRENCY_MISMATCH',
      `the quote is in ${currency}, the price in ${unitPrice.currency}`,
      { quoteId, lineId, currency, priceCurrency: unitPrice.currency },
    );
  }
  assertDiscount(quoteId, discountPercent, lineId);
  return { lineId, productName, quantity, unitPrice: toMoney(unitPrice), discountPercent };
};

const assertDiscount = (quoteId: string, discountPercent: number, lineId?: string): void => {
  if (percentInHundredths(discountPercent) === undefined) {
    throw quoteErrors.rule(
      'QUOTE_INVALID_DISCOUNT',
      'a discount is 0-100 %, in hundredths at most',
      {
        quoteId,
        ...(lineId !== undefined ? { lineId } : {}),
        discountPercent,
      },
    );
  }
};

const findLine = (quote: ExistingQuote, lineId: string): QuoteLine => {
  const line = quote.lines.find((candidate) => candidate.lineId === lineId);
  if (!line) {
    throw quoteErrors.rule('QUOTE_LINE_NOT_FOUND', `quote ${quote.quoteId} has no line ${lineId}`, {
      quoteId: quote.quoteId,
      lineId,
    });
  }
  return line;
};

const partiesOf = (quote: ExistingQuote): QuoteParties => ({
  accountId: quote.accountId,
  ...(quote.dealId !== undefined ? { dealId: quote.dealId } : {}),
});

const totalOf = (quote: ExistingQuote) =>
  quoteTotals(quote.currency, quote.lines, quote.discountPercent).total;

export const decideQuote = (command: QuoteCommand, state: QuoteState): QuoteEvent[] => {
  const { now } = command.metadata;
  const at = now.toISOString();
  switch (command.type) {
    case 'CreateQuote': {
      const { quoteId, title, accountId, dealId, contactId, currency, validUntil } = command.data;
      if (state.exists) throw quoteErrors.alreadyExists(quoteId);
      if (!isCurrencyCode(currency)) {
        throw quoteErrors.rule(
          'QUOTE_INVALID_CURRENCY',
          `currency must be a 3-letter upper-case code, not "${currency}"`,
          { quoteId, currency },
        );
      }
      const { dealCurrency } = command.data;
      if (dealId !== undefined && dealCurrency !== undefined && dealCurrency !== currency) {
        throw quoteErrors.rule(
          'QUOTE_CURRENCY_MISMATCH',
          `the deal is in ${dealCurrency}, the quote in ${currency}`,
          { quoteId, dealId, currency, dealCurrency },
        );
      }
      assertValidUntil(quoteId, validUntil, now);
      return [
        {
          type: 'QuoteCreated',
          data: {
            quoteId,
            title,
            accountId,
            ...(dealId !== undefined ? { dealId } : {}),
            ...(contactId !== undefined ? { contactId } : {}),
            currency,
            validUntil,
            createdAt: at,
          },
        },
      ];
    }
    case 'AddQuoteLine': {
      const { quoteId, lineId, ...input } = command.data;
      const quote = assertStatus(state, quoteId, 'draft', 'QUOTE_NOT_DRAFT');
      if (quote.lines.some((line) => line.lineId === lineId)) {
        throw quoteErrors.rule('QUOTE_DUPLICATE_LINE', `quote ${quoteId} has a line ${lineId}`, {
          quoteId,
          lineId,
        });
      }
      if (isFull(quote.lines.length, 'quoteLines')) {
        throw quoteErrors.rule(
          'QUOTE_LINES_TOO_MANY',
          `quote ${quoteId} already has the most lines a quote may have`,
          { quoteId, ...limitDetails('lines', 'quoteLines', quote.lines.length) },
        );
      }
      return [
        { type: 'QuoteLineAdded', data: { quoteId, line: pricedLine(quote, lineId, input) } },
      ];
    }
    case 'ChangeQuoteLine': {
      const { quoteId, lineId, ...changes } = command.data;
      const quote = assertStatus(state, quoteId, 'draft', 'QUOTE_NOT_DRAFT');
      const current = findLine(quote, lineId);
      const line = pricedLine(quote, lineId, {
        productName: changes.productName ?? current.productName,
        quantity: changes.quantity ?? current.quantity,
        unitPrice: changes.unitPrice ?? toMoneyInput(current.unitPrice),
        discountPercent: changes.discountPercent ?? current.discountPercent,
      });
      const same =
        line.productName === current.productName &&
        line.quantity === current.quantity &&
        sameMoney(line.unitPrice, current.unitPrice) &&
        line.discountPercent === current.discountPercent;
      return same ? [] : [{ type: 'QuoteLineChanged', data: { quoteId, line } }];
    }
    case 'RemoveQuoteLine': {
      const { quoteId, lineId } = command.data;
      findLine(assertStatus(state, quoteId, 'draft', 'QUOTE_NOT_DRAFT'), lineId);
      return [{ type: 'QuoteLineRemoved', data: { quoteId, lineId } }];
    }
    case 'SetQuoteDiscount': {
      const { quoteId, discountPercent } = command.data;
      const quote = assertStatus(state, quoteId, 'draft', 'QUOTE_NOT_DRAFT');
      assertDiscount(quoteId, discountPercent);
      if (quote.discountPercent === discountPercent) return [];
      return [{ type: 'QuoteDiscountSet', data: { quoteId, discountPercent } }];
    }
    case 'SendQuote': {
      const { quoteId } = command.data;
      const quote = assertStatus(state, quoteId, 'draft', 'QUOTE_NOT_DRAFT');
      if (quote.lines.length === 0) {
        throw quoteErrors.rule('QUOTE_NO_LINES', `quote ${quoteId} has no lines`, { quoteId });
      }
      assertValidUntil(quoteId, quote.validUntil, now);
      const { version } = quote;
      const total = totalOf(quote);
      return [
        { type: 'QuoteSent', data: { quoteId, ...partiesOf(quote), version, total, sentAt: at } },
      ];
    }
    case 'AcceptQuote': {
      const { quoteId } = command.data;
      const quote = assertStatus(state, quoteId, 'sent', 'QUOTE_NOT_SENT');
      if (isPastDate(quote.validUntil, now)) {
        throw quoteErrors.rule(
          'QUOTE_EXPIRED',
          `quote ${quoteId} was valid until ${quote.validUntil}`,
          {
            quoteId,
            validUntil: quote.validUntil,
          },
        );
      }
      const { version } = quote;
      return [
        {
          type: 'QuoteAccepted',
          data: { quoteId, ...partiesOf(quote), version, total: totalOf(quote), acceptedAt: at },
        },
      ];
    }
    case 'RejectQuote': {
      const { quoteId, reason } = command.data;
      const quote = assertStatus(state, quoteId, 'sent', 'QUOTE_NOT_SENT');
      const { version } = quote;
      return [
        {
          type: 'QuoteRejected',
          data: { quoteId, ...partiesOf(quote), version, reason, rejectedAt: at },
        },
      ];
    }
    case 'ExpireQuote': {
      const { quoteId } = command.data;
      const quote = assertStatus(state, quoteId, 'sent', 'QUOTE_NOT_SENT');
      if (!isPastDate(quote.validUntil, now)) {
        throw quoteErrors.rule(
          'QUOTE_NOT_YET_EXPIRED',
          `quote ${quoteId} is valid until ${quote.validUntil}`,
          { quoteId, validUntil: quote.validUntil },
        );
      }
      const { version } = quote;
      return [
        { type: 'QuoteExpired', data: { quoteId, ...partiesOf(quote), version, expiredAt: at } },
      ];
    }
    case 'ReviseQuote': {
      const { quoteId } = command.data;
      const quote = assertExists(state, quoteId);
      if (quote.status === 'accepted') {
        throw quoteErrors.rule('QUOTE_ACCEPTED', `quote ${quoteId} was accepted`, { quoteId });
      }
      if (quote.status === 'draft') {
        throw quoteErrors.rule('QUOTE_NOT_SENT', `quote ${quoteId} is still a draft`, {
          quoteId,
          status: quote.status,
        });
      }
      const validUntil = command.data.validUntil ?? quote.validUntil;
      assertValidUntil(quoteId, validUntil, now);
      return [
        {
          type: 'QuoteRevised',
          data: {
            quoteId,
            ...partiesOf(quote),
            version: quote.version + 1,
            validUntil,
            revisedAt: at,
          },
        },
      ];
    }
  }
};
