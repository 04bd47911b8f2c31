const DURATION =
  /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Whether the text is an ISO 8601 duration (`P3D`, `PT12H`, `P1Y2M`; `-P1D` counts back). */
export const isIsoDuration = (text: string): boolean =>
  DURATION.test(text) && !/P$/.test(text) && !text.endsWith('T');

/** The moment `duration` after `from` (calendar months and years, as a wall clock counts them). */
export const addIsoDuration = (from: Date, duration: string): Date => {
  const match = DURATION.exec(duration);
  if (!match || !isIsoDuration(duration)) throw new Error(`not an ISO 8601 duration: ${duration}`);
  const sign = match[1] ? -1 : 1;
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(2)
    .map((part) => sign * Number(part ?? 0));
  const end = new Date(from);
  end.setUTCFullYear(end.getUTCFullYear() + years, end.getUTCMonth() + months);
  end.setUTCDate(end.getUTCDate() + weeks * 7 + days);
  end.setTime(end.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
  return end;
};

/**
 * The length of a duration without years or months (those vary in length), in milliseconds;
 * undefined for any other text.
 */
export const fixedDurationMs = (text: string): number | undefined => {
  const match = DURATION.exec(text);
  if (!match || !isIsoDuration(text) || match[1] || match[2] || match[3]) return undefined;
  return addIsoDuration(new Date(0), text).getTime();
};
