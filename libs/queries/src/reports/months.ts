import { IsoDate, IsoDateTime } from '@crm/domain';

/** A calendar month in UTC, `YYYY-MM`. */
export type Month = string;

/** The UTC month of an ISO date-time or date (`2026-03-31T23:30:00-02:00` → `2026-04`). */
export const monthOf = (at: IsoDateTime | IsoDate): Month => new Date(at).toISOString().slice(0, 7);
