import { DomainEvent, IsoDate, IsoDateTime, Money } from '../shared';

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
