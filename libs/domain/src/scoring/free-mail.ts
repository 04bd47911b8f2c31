// The list is plain data (a JSON array of domains), so reading it keeps the domain pure.
import freeEmailDomains from 'free-email-domains';

const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(freeEmailDomains);

/** Whether an email domain belongs to a free-mail provider (gmail.com, yahoo.com, ...). */
export const isFreeMailDomain = (domain: string): boolean =>
  FREE_MAIL_DOMAINS.has(domain.trim().toLowerCase());
