const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * When a key given `--expires` ends: an ISO-8601 duration from now (`P90D`, `PT12H`, `P1Y`)
 * or an absolute date-time. Undefined when the text is neither or lies in the past.
 */
export const expiryFrom = (text: string, now: Date): Date | undefined => {
  const match = DURATION.exec(text);
  if (match && text !== 'P' && !text.endsWith('T')) {
    const [years, months, weeks, days, hours, minutes, seconds] = match
      .slice(1)
      .map((part) => Number(part ?? 0));
    const end = new Date(now);
    end.setUTCFullYear(end.getUTCFullYear() + years, end.getUTCMonth() + months);
    end.setUTCDate(end.getUTCDate() + weeks * 7 + days);
    end.setTime(end.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
    return end > now ? end : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) || at <= now ? undefined : at;
};
