export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** YYYY-MM-DD of an instant, in UTC. */
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const isoDateTime = (ms: number): string => new Date(ms).toISOString();

/** `days` whole days plus up to `hours` more, so events do not all fall at the same time of day. */
export const daysLater = (days: number, hours: number, fraction: number): number =>
  days * DAY + Math.floor(fraction * hours * HOUR);
