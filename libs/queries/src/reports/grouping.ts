/** The items grouped by key, groups in the order their first item came. */
export const groupBy = <T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
};

/** A key made of several parts that cannot collide (`['a|b', 'c']` vs `['a', 'b|c']`). */
export const compositeKey = (...parts: string[]): string => JSON.stringify(parts);
