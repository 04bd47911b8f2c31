import { IsoDate } from './values';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export const isIsoDate = (value: IsoDate): boolean => {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};

/** Whether `now` is past the whole of `date` (UTC): a date stays valid until its end. */
export const isPastDate = (date: IsoDate, now: Date): boolean =>
  now.getTime() >= Date.parse(`${date}T00:00:00.000Z`) + 86_400_000;
