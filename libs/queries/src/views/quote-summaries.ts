import { QuoteDocument } from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import { answerMoney, MoneyAnswered } from './money-answers';

/** A quote in short, as a deal or an account lists it. */
export type QuoteSummary = MoneyAnswered<
  Pick<QuoteDocument, 'quoteId' | 'title' | 'status' | 'version' | 'validUntil' | 'total'>
>;

/**
 * The quotes of one deal or account, newest first. `dealVisible` leaves out the quotes of deals
 * the caller may not see: a quote tells its deal's price.
 */
export const quotesOf = async (
  quotes: DocumentCollection<QuoteDocument>,
  tenantId: string,
  field: 'dealId' | 'accountId',
  id: string,
  dealVisible: (dealId: string) => boolean = () => true,
): Promise<QuoteSummary[]> => {
  const found = await quotes.find({ tenantId, [field]: id });
  return found
    .filter((quote) => quote.dealId === undefined || dealVisible(quote.dealId))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.quoteId.localeCompare(b.quoteId))
    .map(({ quoteId, title, status, version, validUntil, total }) => ({
      quoteId,
      title,
      status,
      version,
      validUntil,
      total: answerMoney(total),
    }));
};
