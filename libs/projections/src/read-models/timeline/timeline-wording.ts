import { IsoDateTime, majorAmountOf, Money } from '@crm/domain';

/** How the timeline words its facts when it is read: short, one line, plain English. */
export const SUMMARY_TEXT_LIMIT = 120;

/** Names the facts hold only ids of, looked up when the timeline is read. */
export type TimelineNames = {
  /** The current name of a stage of the entry's deal's pipeline; its id when unknown. */
  stage: (stageId: string) => string;
};

/** Names by their ids: what an entry reads like when no name is known. */
export const NAMES_BY_ID: TimelineNames = { stage: (stageId) => stageId };

/** The line of every kind of fact in `F`: a kind without one fails the type check. */
export type Wording<F> = {
  [K in keyof F]-?: (facts: NonNullable<F[K]>, names: TimelineNames) => string;
};

/** Free text squeezed onto one short line. */
export const excerpt = (text: string, limit = SUMMARY_TEXT_LIMIT): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= limit ? line : `${line.slice(0, limit - 1).trimEnd()}…`;
};

/** `: text` when there is text, else nothing. */
export const suffix = (text: string | undefined): string =>
  text !== undefined && text.trim().length > 0 ? `: ${excerpt(text)}` : '';

export const words = (code: string): string => code.replace(/_/g, ' ');

export const money = ({ amountMinor, currency }: Money): string =>
  `${majorAmountOf(amountMinor, currency)} ${currency}`;

export const percent = (probability: number): string => `${Math.round(probability * 100)}%`;

export const duration = (seconds: number): string => {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
};

/** A date-time as `2026-02-01 14:00 UTC`; text that is no date is shown as it is. */
export const moment = (at: IsoDateTime): string => {
  const time = Date.parse(at);
  return Number.isFinite(time)
    ? `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`
    : at;
};

export const personName = (firstName: string, lastName: string): string =>
  [firstName.trim(), lastName.trim()].filter((part) => part.length > 0).join(' ');
