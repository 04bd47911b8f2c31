import { QuoteDocument } from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import { answerMoney, MoneyAnswered } from './money-answers';

/** A quote in short, as a deal or an account lists it. */
export type QuoteSummary = MoneyAnswered<
  Pick<QuoteDocument, 'quoteId' | 'title' | 'status' | 'version' | 'validUntil' | 'total'>
>;

/** The quotes of one deal or account, newest first. */
export const quotesOf = async (
  quotes: DocumentCollection<QuoteDocument>,
  tenantId: string,
  field: 'dealId' | 'accountId',
  id: string,
): Promise<QuoteSummary[]> => {
  const found = await quotes.find({ tenantId, [field]: id });
  return found
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
