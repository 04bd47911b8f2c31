import { CustomFieldValue } from './values';

/** A custom field never set reads as `null`. */
export const customFieldValue = (
  customFields: Readonly<Record<string, CustomFieldValue>>,
  key: string,
): CustomFieldValue => (Object.hasOwn(customFields, key) ? (customFields[key] ?? null) : null);
