import { Money, MoneyInput, toMoneyInput } from '@crm/domain';

/**
 * Read models hold money in minor units (`{ amountMinor: 1250, currency: 'EUR' }`); the API
 * answers it in major units (`{ amount: 12.5, currency: 'EUR' }`), as it always has. This is the
 * one place a document's money changes form on its way out.
 */
export type MoneyAnswered<T> = T extends Money
  ? MoneyInput
  : T extends readonly (infer U)[]
    ? MoneyAnswered<U>[]
    : T extends object
      ? { [K in keyof T]: MoneyAnswered<T[K]> }
      : T;

const isMoney = (value: object): value is Money => {
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    'amountMinor' in value &&
    'currency' in value &&
    typeof value.amountMinor === 'number' &&
    typeof value.currency === 'string'
  );
};

const answer = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(answer);
  if (value === null || typeof value !== 'object') return value;
  if (isMoney(value)) return toMoneyInput(value);
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, answer(field)]));
};

/** A copy of `value` with every minor-unit amount in it turned into its major-unit answer. */
export const answerMoney = <T>(value: T): MoneyAnswered<T> => answer(value) as MoneyAnswered<T>;
