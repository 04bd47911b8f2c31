import { QuoteEvent } from '@crm/domain';
import { TimelineFacts } from '../timeline-facts';
import { TimelineLinks } from '../timeline.document';
import { excerpt, suffix, money } from '../timeline-wording';

const quoteLinks = (data: {
  quoteId: string;
  accountId: string;
  dealId?: string;
}): TimelineLinks => ({
  quoteId: data.quoteId,
  accountId: data.accountId,
  dealId: data.dealId,
});

/** How quote events read on the timeline. */
export const quoteTimeline: TimelineFacts<QuoteEvent> = {
  QuoteCreated: (event) => {
    const { quoteId, title, accountId, dealId, contactId, currency, validUntil } = event.data;
    return {
      occurredAt: event.data.createdAt,
      links: { quoteId, accountId, dealId, contactId },
      summary: `Quote created: ${excerpt(title, 80)} (${currency}, valid until ${validUntil})`,
    };
  },
  QuoteLineAdded: null,
  QuoteLineChanged: null,
  QuoteLineRemoved: null,
  QuoteDiscountSet: null,
  QuoteSent: (event) => {
    return {
      occurredAt: event.data.sentAt,
      links: quoteLinks(event.data),
      summary: `Quote sent (version ${event.data.version}, ${money(event.data.total)})`,
    };
  },
  QuoteAccepted: (event) => {
    return {
      occurredAt: event.data.acceptedAt,
      links: quoteLinks(event.data),
      summary: `Quote accepted (version ${event.data.version}, ${money(event.data.total)})`,
    };
  },
  QuoteRejected: (event) => {
    return {
      occurredAt: event.data.rejectedAt,
      links: quoteLinks(event.data),
      summary: `Quote rejected${suffix(event.data.reason)}`,
    };
  },
  QuoteExpired: (event) => {
    return {
      occurredAt: event.data.expiredAt,
      links: quoteLinks(event.data),
      summary: `Quote expired (version ${event.data.version})`,
    };
  },
  QuoteRevised: (event) => {
    return {
      occurredAt: event.data.revisedAt,
      links: quoteLinks(event.data),
      summary: `Quote revised: version ${event.data.version}, valid until ${event.data.validUntil}`,
    };
  },
};
