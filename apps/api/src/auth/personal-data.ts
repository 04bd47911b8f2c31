/** Fields that hold personal data, wherever they appear: records, lists, views, audit data. */
export const PERSONAL_DATA_FIELDS = new Set([
  'emails',
  'emailsLower',
  'primaryEmail',
  'email',
  'phones',
  'phone',
  'address',
  'socialProfiles',
]);

export const MASKED = '***';

/**
 * `email` and `phone` are also the names of a consent channel (`consents.email`) and of an
 * interaction count (`interactionCounts.email`): under those names only text is personal data.
 */
const TEXT_ONLY = new Set(['email', 'phone']);

const holdsPersonalData = (key: string, value: unknown): boolean =>
  PERSONAL_DATA_FIELDS.has(key) &&
  value !== undefined &&
  value !== null &&
  (!TEXT_ONLY.has(key) || typeof value === 'string');

/** A copy of `value` with every personal-data field masked, and the names of those masked. */
export const maskPersonalData = (value: unknown): { masked: unknown; fields: string[] } => {
  const fields = new Set<string>();
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object' || node instanceof Date) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, inner]) => {
        if (holdsPersonalData(key, inner)) {
          fields.add(key);
          return [key, MASKED];
        }
        return [key, walk(inner)];
      }),
    );
  };
  const masked = walk(value);
  return { masked, fields: [...fields].sort() };
};
