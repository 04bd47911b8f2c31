import { QuoteFacts } from '../facts/quote.timeline';
import { excerpt, money, suffix, Wording } from '../timeline-wording';

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
