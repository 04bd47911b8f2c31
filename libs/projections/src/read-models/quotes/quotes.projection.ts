import {
  IsoDate,
  IsoDateTime,
  Money,
  QuoteEvent,
  QuoteLine,
  QuoteStatus,
  quoteTotals,
} from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';

/** A line with its price after its own discount. */
export type QuoteLineDocument = QuoteLine & { net: Money };

/** One quote with its lines and exact totals, as `GET /quotes/{id}`, deals and accounts read it. */
export type QuoteDocument = {
  _id: string;
  tenantId: string;
  quoteId: string;
  title: string;
  accountId: string;
  dealId?: string;
  contactId?: string;
  currency: string;
  validUntil: IsoDate;
  status: QuoteStatus;
  version: number;
  lines: QuoteLineDocument[];
  discountPercent: number;
  subtotal: Money;
  discount: Money;
  total: Money;
  createdAt: IsoDateTime;
  sentAt?: IsoDateTime;
  /** When the quote was accepted, rejected or expired; cleared by a revision. */
  decidedAt?: IsoDateTime;
  rejectionReason?: string;
};

type On<T extends QuoteEvent['type']> = ProjectedEvent<Extract<QuoteEvent, { type: T }>>;

/** Keyed by every member of the union, so a new quote event type fails to compile until listed. */
const HANDLED: Record<QuoteEvent['type'], true> = {
  QuoteCreated: true,
  QuoteLineAdded: true,
  QuoteLineChanged: true,
  QuoteLineRemoved: true,
  QuoteDiscountSet: true,
  QuoteSent: true,
  QuoteAccepted: true,
  QuoteRejected: true,
  QuoteExpired: true,
  QuoteRevised: true,
};
const handles: ReadonlySet<string> = new Set(Object.keys(HANDLED));

const isQuoteEvent = (event: ProjectedEvent): event is ProjectedEvent<QuoteEvent> =>
  handles.has(event.type);

/** The lines' nets and the totals, recomputed with the domain's own exact arithmetic. */
const priced = (quote: QuoteDocument, lines: readonly QuoteLine[]): QuoteDocument => {
  const totals = quoteTotals(quote.currency, lines, quote.discountPercent);
  return {
    ...quote,
    lines: lines.map((line, index) => ({ ...line, net: totals.lines[index] })),
    subtotal: totals.subtotal,
    discount: totals.discount,
    total: totals.total,
  };
};

const plainLines = (quote: QuoteDocument): QuoteLine[] =>
  quote.lines.map(({ lineId, productName, quantity, unitPrice, discountPercent }) => ({
    lineId,
    productName,
    quantity,
    unitPrice,
    discountPercent,
  }));

const created = (event: On<'QuoteCreated'>, documentId: string): QuoteDocument => {
  const { data } = event;
  const zero = { amountMinor: 0, currency: data.currency };
  return {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    quoteId: data.quoteId,
    title: data.title,
    accountId: data.accountId,
    ...(data.dealId !== undefined && { dealId: data.dealId }),
    ...(data.contactId !== undefined && { contactId: data.contactId }),
    currency: data.currency,
    validUntil: data.validUntil,
    status: 'draft',
    version: 1,
    lines: [],
    discountPercent: 0,
    subtotal: zero,
    discount: zero,
    total: zero,
    createdAt: data.createdAt,
  };
};

const evolveQuote = (
  current: QuoteDocument | undefined,
  event: ProjectedEvent<QuoteEvent>,
  documentId: string,
): QuoteDocument | undefined => {
  if (event.type === 'QuoteCreated') return created(event, documentId);
  if (current === undefined) return current;
  switch (event.type) {
    case 'QuoteLineAdded':
      return priced(current, [...plainLines(current), event.data.line]);
    case 'QuoteLineChanged': {
      const { line } = event.data;
      return priced(
        current,
        plainLines(current).map((l) => (l.lineId === line.lineId ? line : l)),
      );
    }
    case 'QuoteLineRemoved':
      return priced(
        current,
        plainLines(current).filter((l) => l.lineId !== event.data.lineId),
      );
    case 'QuoteDiscountSet':
      return priced(
        { ...current, discountPercent: event.data.discountPercent },
        plainLines(current),
      );
    case 'QuoteSent':
      return { ...current, status: 'sent', sentAt: event.data.sentAt };
    case 'QuoteAccepted':
      return { ...current, status: 'accepted', decidedAt: event.data.acceptedAt };
    case 'QuoteRejected':
      return {
        ...current,
        status: 'rejected',
        decidedAt: event.data.rejectedAt,
        rejectionReason: event.data.reason,
      };
    case 'QuoteExpired':
      return { ...current, status: 'expired', decidedAt: event.data.expiredAt };
    case 'QuoteRevised': {
      const { decidedAt: _decided, rejectionReason: _reason, sentAt: _sent, ...rest } = current;
      return {
        ...rest,
        status: 'draft',
        version: event.data.version,
        validUntil: event.data.validUntil,
      };
    }
  }
};

/** `quotes`: one document per quote, with its lines and totals. */
export const quotesProjection: Projection<QuoteDocument> = {
  name: 'quotes',
  version: 3,
  history: true,
  indexes: [{ fields: ['tenantId', 'dealId'] }, { fields: ['tenantId', 'accountId'] }],
  handles,
  documentIds: (event) =>
    isQuoteEvent(event) ? [documentIdFor(event.metadata.tenantId, event.data.quoteId)] : [],
  evolve: (current, event, documentId) =>
    isQuoteEvent(event) ? evolveQuote(current, event, documentId) : current,
};
