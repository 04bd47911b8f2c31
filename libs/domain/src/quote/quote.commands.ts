import { Command, IsoDate, MoneyInput } from '../shared';

/** A line as the client prices it: `unitPrice` in the quote's currency, `discountPercent` 0-100. */
export type QuoteLineInput = {
  productName: string;
  /** A whole number of units, 1 or more. */
  quantity: number;
  unitPrice: MoneyInput;
  /** Defaults to 0; at most two decimals. */
  discountPercent?: number;
};

/** `dealCurrency` is the currency of the deal the quote is for: the application layer loads it. */
export type CreateQuote = Command<
  'CreateQuote',
  {
    quoteId: string;
    title: string;
    accountId: string;
    dealId?: string;
    contactId?: string;
    currency: string;
    validUntil: IsoDate;
    dealCurrency?: string;
  }
>;
export type AddQuoteLine = Command<
  'AddQuoteLine',
  QuoteLineInput & { quoteId: string; lineId: string }
>;
/** Fields left out are not touched. */
export type ChangeQuoteLine = Command<
  'ChangeQuoteLine',
  Partial<QuoteLineInput> & { quoteId: string; lineId: string }
>;
export type RemoveQuoteLine = Command<'RemoveQuoteLine', { quoteId: string; lineId: string }>;
/** A discount on the whole quote, applied after the lines' own discounts. */
export type SetQuoteDiscount = Command<
  'SetQuoteDiscount',
  { quoteId: string; discountPercent: number }
>;
export type SendQuote = Command<'SendQuote', { quoteId: string }>;
export type AcceptQuote = Command<'AcceptQuote', { quoteId: string }>;
export type RejectQuote = Command<'RejectQuote', { quoteId: string; reason: string }>;
export type ExpireQuote = Command<'ExpireQuote', { quoteId: string }>;
/** A new version of a sent (or rejected, or expired) quote, open for changes again. */
export type ReviseQuote = Command<'ReviseQuote', { quoteId: string; validUntil?: IsoDate }>;

export type QuoteCommand =
  | CreateQuote
  | AddQuoteLine
  | ChangeQuoteLine
  | RemoveQuoteLine
  | SetQuoteDiscount
  | SendQuote
  | AcceptQuote
  | RejectQuote
  | ExpireQuote
  | ReviseQuote;
