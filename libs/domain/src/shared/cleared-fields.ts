/** A record's fields after an update in which `null` means "cleared": those fields are gone. */
export type WithoutNulls<T> = { [K in keyof T]: Exclude<T[K], null> };

/** Drops the top-level fields an update set to `null` (cleared); other fields stay as they are. */
export const withClearedFieldsRemoved = <T extends object>(value: T): WithoutNulls<T> =>
  Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== null),
  ) as WithoutNulls<T>;
