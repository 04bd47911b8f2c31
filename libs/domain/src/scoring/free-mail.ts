// The list is plain data (a set of domains). Its module alone is imported: the package's index
// also loads an email validator the domain has no use for.
import { DOMAINS as FREE_MAIL_DOMAINS } from 'free-email-domains-list/build/src/constants';

/** Whether an email domain belongs to a free-mail provider (gmail.com, yahoo.com, ...). */
export const isFreeMailDomain = (domain: string): boolean =>
  FREE_MAIL_DOMAINS.has(domain.trim().toLowerCase());
