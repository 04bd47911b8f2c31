import {
  Command,
  domainErrorsOf,
  DomainEvent,
  IsoDate,
  IsoDateTime,
  Money,
  MoneyInput,
} from '../shared';

/**
 * What a quote is told (commands), what it records (events) and how it refuses (error codes):
 * the quote's messages, one file so that a new aggregate starts from one.
 */

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

/** A priced line as it stands on the quote. */
export type QuoteLine = {
  lineId: string;
  productName: string;
  quantity: number;
  unitPrice: Money;
  discountPercent: number;
};

export type QuoteCreated = DomainEvent<
  'QuoteCreated',
  {
    quoteId: string;
    title: string;
    accountId: string;
    dealId?: string;
    contactId?: string;
    currency: string;
    validUntil: IsoDate;
    createdAt: IsoDateTime;
  }
>;
export type QuoteLineAdded = DomainEvent<'QuoteLineAdded', { quoteId: string; line: QuoteLine }>;
/** The line as it is after the change. */
export type QuoteLineChanged = DomainEvent<
  'QuoteLineChanged',
  { quoteId: string; line: QuoteLine }
>;
export type QuoteLineRemoved = DomainEvent<'QuoteLineRemoved', { quoteId: string; lineId: string }>;
export type QuoteDiscountSet = DomainEvent<
  'QuoteDiscountSet',
  { quoteId: string; discountPercent: number }
>;
/** The records a quote is for, carried by its milestones so their timelines show them. */
export type QuoteParties = { accountId: string; dealId?: string };

/** `total` is what the customer is offered, computed exactly when the quote went out. */
export type QuoteSent = DomainEvent<
  'QuoteSent',
  QuoteParties & { quoteId: string; version: number; total: Money; sentAt: IsoDateTime }
>;
export type QuoteAccepted = DomainEvent<
  'QuoteAccepted',
  QuoteParties & { quoteId: string; version: number; total: Money; acceptedAt: IsoDateTime }
>;
export type QuoteRejected = DomainEvent<
  'QuoteRejected',
  QuoteParties & { quoteId: string; version: number; reason: string; rejectedAt: IsoDateTime }
>;
export type QuoteExpired = DomainEvent<
  'QuoteExpired',
  QuoteParties & { quoteId: string; version: number; expiredAt: IsoDateTime }
>;
export type QuoteRevised = DomainEvent<
  'QuoteRevised',
  QuoteParties & { quoteId: string; version: number; validUntil: IsoDate; revisedAt: IsoDateTime }
>;

export type QuoteEvent =
  | QuoteCreated
  | QuoteLineAdded
  | QuoteLineChanged
  | QuoteLineRemoved
  | QuoteDiscountSet
  | QuoteSent
  | QuoteAccepted
  | QuoteRejected
  | QuoteExpired
  | QuoteRevised;

/** Every error code the quote decider answers with, and what kind of refusal each one is. */
export const QUOTE_ERROR_CODES = {
  QUOTE_NOT_FOUND: 'not_found',
  QUOTE_ALREADY_EXISTS: 'already_exists',
  QUOTE_INVALID_CURRENCY: 'rule',
  QUOTE_CURRENCY_MISMATCH: 'rule',
  QUOTE_INVALID_VALID_UNTIL: 'rule',
  QUOTE_INVALID_QUANTITY: 'rule',
  QUOTE_INVALID_PRICE: 'rule',
  QUOTE_INVALID_DISCOUNT: 'rule',
  QUOTE_DUPLICATE_LINE: 'rule',
  QUOTE_LINE_NOT_FOUND: 'rule',
  QUOTE_LINES_TOO_MANY: 'rule',
  QUOTE_NOT_DRAFT: 'rule',
  QUOTE_NO_LINES: 'rule',
  QUOTE_NOT_SENT: 'rule',
  QUOTE_EXPIRED: 'rule',
  QUOTE_NOT_YET_EXPIRED: 'rule',
  QUOTE_ACCEPTED: 'rule',
} as const;

export const quoteErrors = domainErrorsOf('quote', QUOTE_ERROR_CODES);
