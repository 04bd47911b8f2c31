import { Money, QuoteEvent } from '@crm/domain';
import { keptOptionalText, keptText, TimelineFacts } from '../timeline-facts';
import { TimelineLinks } from '../timeline.document';
import { excerpt, money, suffix, Wording } from '../timeline-wording';

/** What quote events keep for their timeline lines. */
export type QuoteFacts = {
  QuoteCreated: { title: string; currency: string; validUntil: string };
  QuoteSent: { version: number; total: Money };
  QuoteAccepted: { version: number; total: Money };
  QuoteRejected: { reason?: string };
  QuoteExpired: { version: number };
  QuoteRevised: { version: number; validUntil: string };
};

const quoteLinks = (data: {
  quoteId: string;
  accountId: string;
  dealId?: string;
}): TimelineLinks => ({
  quoteId: data.quoteId,
  accountId: data.accountId,
  dealId: data.dealId,
});

/** Which quote events are on the timeline, and their facts. */
export const quoteTimeline: TimelineFacts<QuoteEvent, QuoteFacts> = {
  QuoteCreated: (event) => {
    const { quoteId, title, accountId, dealId, contactId, currency, validUntil } = event.data;
    return {
      occurredAt: event.data.createdAt,
      links: { quoteId, accountId, dealId, contactId },
      facts: { title: keptText(title), currency, validUntil },
    };
  },
  QuoteLineAdded: null,
  QuoteLineChanged: null,
  QuoteLineRemoved: null,
  QuoteDiscountSet: null,
  QuoteSent: (event) => {
    const { version, total, sentAt } = event.data;
    return { occurredAt: sentAt, links: quoteLinks(event.data), facts: { version, total } };
  },
  QuoteAccepted: (event) => {
    const { version, total, acceptedAt } = event.data;
    return { occurredAt: acceptedAt, links: quoteLinks(event.data), facts: { version, total } };
  },
  QuoteRejected: (event) => {
    return {
      occurredAt: event.data.rejectedAt,
      links: quoteLinks(event.data),
      facts: { reason: keptOptionalText(event.data.reason) },
    };
  },
  QuoteExpired: (event) => {
    return {
      occurredAt: event.data.expiredAt,
      links: quoteLinks(event.data),
      facts: { version: event.data.version },
    };
  },
  QuoteRevised: (event) => {
    const { version, validUntil, revisedAt } = event.data;
    return { occurredAt: revisedAt, links: quoteLinks(event.data), facts: { version, validUntil } };
  },
};

/** How each fact reads, worded when the timeline is read: a wording change needs no rebuild. */
export const quoteWording: Wording<QuoteFacts> = {
  QuoteCreated: ({ title, currency, validUntil }) =>
    `Quote created: ${excerpt(title, 80)} (${currency}, valid until ${validUntil})`,
  QuoteSent: ({ version, total }) => `Quote sent (version ${version}, ${money(total)})`,
  QuoteAccepted: ({ version, total }) => `Quote accepted (version ${version}, ${money(total)})`,
  QuoteRejected: ({ reason }) => `Quote rejected${suffix(reason)}`,
  QuoteExpired: ({ version }) => `Quote expired (version ${version})`,
  QuoteRevised: ({ version, validUntil }) =>
    `Quote revised: version ${version}, valid until ${validUntil}`,
};
