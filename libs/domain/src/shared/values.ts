/** Value types shared by several aggregates. All plain JSON. */
export type { Money, MoneyInput } from './money';

export type Address = {
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
};

export type CustomFieldValue = string | number | boolean | null;

/** ISO-8601 date-time string, as stored in events (events are plain JSON). */
export type IsoDateTime = string;

/** ISO-8601 calendar date, YYYY-MM-DD. */
export type IsoDate = string;

export type RecordRef = {
  kind: 'account' | 'contact' | 'lead' | 'deal' | 'ticket' | 'campaign';
  id: string;
};
