import { Decider, IsoDate, isFull, isPastDate, limitDetails, toMoneyInput } from '../shared';
import { QuoteCommand, quoteErrors, QuoteEvent, QuoteLine } from './quote.messages';
import {
  assertQuoteCurrency,
  assertQuoteDiscount,
  assertQuoteExists,
  assertQuoteStatus,
  assertQuoteValidUntil,
  findQuoteLine,
  pricedQuoteLine,
  quoteMilestone,
  sameQuoteLine,
  quoteTotalOf,
} from './quote.rules';

export type QuoteStatus = 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired';

export type QuoteState =
  | { exists: false }
  | {
      exists: true;
      quoteId: string;
      accountId: string;
      dealId?: string;
      currency: string;
      validUntil: IsoDate;
      status: QuoteStatus;
      version: number;
      lines: QuoteLine[];
      discountPercent: number;
    };

export const initialQuoteState = (): QuoteState => ({ exists: false });

export const evolveQuote = (state: QuoteState, event: QuoteEvent): QuoteState => {
  if (event.type === 'QuoteCreated') {
    const { quoteId, accountId, dealId, currency, validUntil } = event.data;
    return {
      exists: true,
      quoteId,
      accountId,
      ...(dealId !== undefined ? { dealId } : {}),
      currency,
      validUntil,
      status: 'draft',
      version: 1,
      lines: [],
      discountPercent: 0,
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'QuoteLineAdded':
      return { ...state, lines: [...state.lines, event.data.line] };
    case 'QuoteLineChanged': {
      const { line } = event.data;
      return { ...state, lines: state.lines.map((l) => (l.lineId === line.lineId ? line : l)) };
    }
    case 'QuoteLineRemoved':
      return { ...state, lines: state.lines.filter((l) => l.lineId !== event.data.lineId) };
    case 'QuoteDiscountSet':
      return { ...state, discountPercent: event.data.discountPercent };
    case 'QuoteSent':
      return { ...state, status: 'sent' };
    case 'QuoteAccepted':
      return { ...state, status: 'accepted' };
    case 'QuoteRejected':
      return { ...state, status: 'rejected' };
    case 'QuoteExpired':
      return { ...state, status: 'expired' };
    case 'QuoteRevised':
      return {
        ...state,
        status: 'draft',
        version: event.data.version,
        validUntil: event.data.validUntil,
      };
  }
};

export const decideQuote = (command: QuoteCommand, state: QuoteState): QuoteEvent[] => {
  const { now } = command.metadata;
  const at = now.toISOString();
  switch (command.type) {
    case 'CreateQuote': {
      const { quoteId, title, accountId, dealId, contactId, currency, validUntil } = command.data;
      if (state.exists) throw quoteErrors.alreadyExists(quoteId);
      assertQuoteCurrency(quoteId, currency, command.data);
      assertQuoteValidUntil(quoteId, validUntil, now);
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
      const quote = assertQuoteStatus(state, quoteId, 'draft', 'QUOTE_NOT_DRAFT');
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
        { type: 'QuoteLineAdded', data: { quoteId, line: pricedQuoteLine(quote, lineId, input) } },
      ];
    }
    case 'ChangeQuoteLine': {
      const { quoteId, lineId, ...changes } = command.data;
      const quote = assertQuoteStatus(state, quoteId, 'draft', 'QUOTE_NOT_DRAFT');
      const current = findQuoteLine(quote, lineId);
      const line = pricedQuoteLine(quote, lineId, {
        productName: changes.productName ?? current.productName,
        quantity: changes.quantity ?? current.quantity,
        unitPrice: changes.unitPrice ?? toMoneyInput(current.unitPrice),
        discountPercent: changes.discountPercent ?? current.discountPercent,
      });
      return sameQuoteLine(line, current)
        ? []
        : [{ type: 'QuoteLineChanged', data: { quoteId, line } }];
    }
    case 'RemoveQuoteLine': {
      const { quoteId, lineId } = command.data;
      findQuoteLine(assertQuoteStatus(state, quoteId, 'draft', 'QUOTE_NOT_DRAFT'), lineId);
      return [{ type: 'QuoteLineRemoved', data: { quoteId, lineId } }];
    }
    case 'SetQuoteDiscount': {
      const { quoteId, discountPercent } = command.data;
      const quote = assertQuoteStatus(state, quoteId, 'draft', 'QUOTE_NOT_DRAFT');
      assertQuoteDiscount(quoteId, discountPercent);
      if (quote.discountPercent === discountPercent) return [];
      return [{ type: 'QuoteDiscountSet', data: { quoteId, discountPercent } }];
    }
    case 'SendQuote': {
      const { quoteId } = command.data;
      const quote = assertQuoteStatus(state, quoteId, 'draft', 'QUOTE_NOT_DRAFT');
      if (quote.lines.length === 0) {
        throw quoteErrors.rule('QUOTE_NO_LINES', `quote ${quoteId} has no lines`, { quoteId });
      }
      assertQuoteValidUntil(quoteId, quote.validUntil, now);
      const total = quoteTotalOf(quote);
      return [{ type: 'QuoteSent', data: { ...quoteMilestone(quote), total, sentAt: at } }];
    }
    case 'AcceptQuote': {
      const { quoteId } = command.data;
      const quote = assertQuoteStatus(state, quoteId, 'sent', 'QUOTE_NOT_SENT');
      if (isPastDate(quote.validUntil, now)) {
        const { validUntil } = quote;
        throw quoteErrors.rule('QUOTE_EXPIRED', `quote ${quoteId} was valid until ${validUntil}`, {
          quoteId,
          validUntil,
        });
      }
      const total = quoteTotalOf(quote);
      return [{ type: 'QuoteAccepted', data: { ...quoteMilestone(quote), total, acceptedAt: at } }];
    }
    case 'RejectQuote': {
      const { quoteId, reason } = command.data;
      const quote = assertQuoteStatus(state, quoteId, 'sent', 'QUOTE_NOT_SENT');
      return [
        { type: 'QuoteRejected', data: { ...quoteMilestone(quote), reason, rejectedAt: at } },
      ];
    }
    case 'ExpireQuote': {
      const { quoteId } = command.data;
      const quote = assertQuoteStatus(state, quoteId, 'sent', 'QUOTE_NOT_SENT');
      if (!isPastDate(quote.validUntil, now)) {
        throw quoteErrors.rule(
          'QUOTE_NOT_YET_EXPIRED',
          `quote ${quoteId} is valid until ${quote.validUntil}`,
          { quoteId, validUntil: quote.validUntil },
        );
      }
      return [{ type: 'QuoteExpired', data: { ...quoteMilestone(quote), expiredAt: at } }];
    }
    case 'ReviseQuote': {
      const { quoteId } = command.data;
      const quote = assertQuoteExists(state, quoteId);
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
      assertQuoteValidUntil(quoteId, validUntil, now);
      return [
        {
          type: 'QuoteRevised',
          data: { ...quoteMilestone(quote), version: quote.version + 1, validUntil, revisedAt: at },
        },
      ];
    }
  }
};

export const quoteDecider: Decider<QuoteCommand, QuoteEvent, QuoteState> = {
  initialState: initialQuoteState,
  evolve: evolveQuote,
  decide: decideQuote,
};
