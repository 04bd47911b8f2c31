import { JsonObject } from '@crm/event-store';
import { isJsonObject, moneyV1toV2, withMoneyV2 } from './money-v1';

/**
 * v1 → v2 of the events that carry money: v1 held major-unit numbers (`amount`), v2 holds
 * integer minor units (`amountMinor`) per the currency's ISO 4217 exponent.
 */

export const campaignCreatedV1toV2 = (data: JsonObject): JsonObject => withMoneyV2(data, 'budget');

export const dealOpenedV1toV2 = (data: JsonObject): JsonObject => withMoneyV2(data, 'amount');

export const dealAmountChangedV1toV2 = (data: JsonObject): JsonObject =>
  withMoneyV2(withMoneyV2(data, 'previousAmount'), 'amount');

export const dealWonV1toV2 = (data: JsonObject): JsonObject => withMoneyV2(data, 'amount');

/** The converted deal is optional: a conversion without one has nothing to change. */
export const leadConvertedV1toV2 = (data: JsonObject): JsonObject => {
  const { deal } = data;
  if (deal === undefined) return data;
  if (!isJsonObject(deal)) throw new Error('deal is not an object');
  return { ...data, deal: { ...deal, amount: moneyV1toV2(deal.amount, 'deal.amount') } };
};

/** QuoteLineAdded and QuoteLineChanged carry the whole line. */
export const quoteLineV1toV2 = (data: JsonObject): JsonObject => {
  const { line } = data;
  if (!isJsonObject(line)) throw new Error('line is not an object');
  return { ...data, line: { ...line, unitPrice: moneyV1toV2(line.unitPrice, 'line.unitPrice') } };
};

/** QuoteSent and QuoteAccepted carry the total. */
export const quoteTotalV1toV2 = (data: JsonObject): JsonObject => withMoneyV2(data, 'total');
