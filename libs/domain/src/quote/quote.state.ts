import { IsoDate } from '../shared';
import { QuoteEvent, QuoteLine } from './quote.events';

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
