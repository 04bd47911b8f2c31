import { isExactMoney, minorUnitsOf } from '@crm/domain';
import { JsonObject, JsonValue } from '@crm/event-store';

export const isJsonObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A v1 amount, `{ amount: 12.5, currency: 'EUR' }` in major units, as v2 holds it:
 * `{ amountMinor: 1250, currency: 'EUR' }`. An amount that is not a whole number of the
 * currency's minor units throws instead of being rounded: the event is then parked with that
 * error (the projection runner's rule for an event it cannot decode), never silently changed.
 */
export const moneyV1toV2 = (value: JsonValue | undefined, where: string): JsonObject => {
  if (
    !isJsonObject(value) ||
    typeof value.amount !== 'number' ||
    typeof value.currency !== 'string'
  )
    throw new Error(`${where} is not a v1 amount ({ amount, currency })`);
  const { amount, currency } = value;
  const minor = minorUnitsOf({ amount, currency });
  const money = { amountMinor: Number(minor), currency };
  if (minor === undefined || !isExactMoney(money))
    throw new Error(`${where} ${amount} ${currency} is not an exact amount in minor units`);
  return money;
};

/** `data` with its v1 amount at `field` in the v2 form. */
export const withMoneyV2 = (data: JsonObject, field: string): JsonObject => ({
  ...data,
  [field]: moneyV1toV2(data[field], field),
});
