/** ISO 4217 currencies whose minor unit is not the hundredth. */
const EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const CURRENCY_CODE = /^[A-Z]{3}$/;

export const isCurrencyCode = (currency: string): boolean => CURRENCY_CODE.test(currency);

/** Decimal places of the currency's minor unit (ISO 4217: 2 for EUR, 0 for JPY, 3 for KWD). */
export const currencyExponent = (currency: string): number => EXPONENT_EXCEPTIONS[currency] ?? 2;
