import { customFieldValue } from './custom-fields';
import { DomainError } from './domain-error';
import { isFull, limitDetails } from './record-limits';
import { findTag } from './tags';
import { CustomFieldValue } from './values';

/**
 * The owner, tag and custom-field steps accounts and contacts share: when a command changes nothing,
 * when a record is full, and how the state folds the events. Each decider names its own events
 * and error codes; the rules are these.
 */

/**
 * Assigning an owner, as accounts and contacts do it: `null` unassigns, the same owner again
 * changes nothing, a new one is recorded with the owner it replaces.
 */
export type OwnerChange =
  | { unassigned: true; previousOwnerId: string }
  | { unassigned: false; ownerId: string; previousOwnerId?: string };

/** The change `requested` makes to a record owned by `current`, or undefined for none. */
export const ownerChange = (
  current: string | undefined,
  requested: string | null,
): OwnerChange | undefined => {
  if (requested === null) {
    return current === undefined ? undefined : { unassigned: true, previousOwnerId: current };
  }
  if (current === requested) return undefined;
  return {
    unassigned: false,
    ownerId: requested,
    ...(current !== undefined ? { previousOwnerId: current } : {}),
  };
};

/** How a record is named in a refusal: `account a-1` and `an account`. */
export type RecordNaming = { record: string; aKind: string };

/** Builds the kind's own "too many" error from the message and details given. */
export type RefuseFull = (message: string, details: Record<string, unknown>) => DomainError;

/** The tag to record (trimmed), or undefined when the record carries it already in any spelling. */
export const tagToAdd = (
  tags: readonly string[],
  tag: string,
  naming: RecordNaming,
  refuseFull: RefuseFull,
): string | undefined => {
  if (findTag(tags, tag) !== undefined) return undefined;
  if (isFull(tags.length, 'tags')) {
    throw refuseFull(
      `${naming.record} already has the most tags ${naming.aKind} may have`,
      limitDetails('tags', 'tags', tags.length),
    );
  }
  return tag.trim();
};

/** The record's own spelling of the tag to remove, or undefined when it does not carry it. */
export const tagToRemove = (tags: readonly string[], tag: string): string | undefined =>
  findTag(tags, tag);

/** Whether setting `key` to `value` changes the record; a new key on a full record is refused. */
export const changesCustomField = (
  customFields: Readonly<Record<string, CustomFieldValue>>,
  key: string,
  value: CustomFieldValue,
  naming: RecordNaming,
  refuseFull: RefuseFull,
): boolean => {
  if (customFieldValue(customFields, key) === value) return false;
  const fieldCount = Object.keys(customFields).length;
  if (!Object.hasOwn(customFields, key) && isFull(fieldCount, 'customFields')) {
    throw refuseFull(
      `${naming.record} already has the most custom fields ${naming.aKind} may have`,
      limitDetails('customFields', 'customFields', fieldCount),
    );
  }
  return true;
};

type Tagged = { tags: readonly string[] };
type WithCustomFields = { customFields: Readonly<Record<string, CustomFieldValue>> };

export const withTag = <S extends Tagged>(state: S, tag: string): S => ({
  ...state,
  tags: [...state.tags, tag],
});

export const withoutTag = <S extends Tagged>(state: S, tag: string): S => ({
  ...state,
  tags: state.tags.filter((candidate) => candidate !== tag),
});

export const withCustomField = <S extends WithCustomFields>(
  state: S,
  key: string,
  value: CustomFieldValue,
): S => ({ ...state, customFields: { ...state.customFields, [key]: value } });
