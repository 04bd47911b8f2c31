import { DomainError, ruleBroken } from './domain-error';
import {
  changesCustomField,
  ownerChange,
  tagToAdd,
  tagToRemove,
  withoutTag,
  withTag,
} from './record-details';
import { RECORD_LIMITS } from './record-limits';

const naming = { record: 'account a-1', aKind: 'an account' };
const refuse = (message: string, details: Record<string, unknown>): DomainError =>
  ruleBroken('TOO_MANY', message, details);
const full = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('owner, tag and custom-field steps', () => {
  it('ownerChange: null unassigns an owner, the same owner changes nothing, a new one names the previous', () => {
    expect(ownerChange(undefined, null)).toBeUndefined();
    expect(ownerChange('u-1', null)).toEqual({ unassigned: true, previousOwnerId: 'u-1' });
    expect(ownerChange('u-1', 'u-1')).toBeUndefined();
    expect(ownerChange(undefined, 'u-2')).toEqual({ unassigned: false, ownerId: 'u-2' });
    expect(ownerChange('u-1', 'u-2')).toEqual({
      unassigned: false,
      ownerId: 'u-2',
      previousOwnerId: 'u-1',
    });
  });

  it('tagToAdd: a tag in any spelling is there once; a new one is trimmed; a full record refuses', () => {
    expect(tagToAdd(['VIP'], ' vip ', naming, refuse)).toBeUndefined();
    expect(tagToAdd(['VIP'], ' Partner ', naming, refuse)).toBe('Partner');
    const tags = full(RECORD_LIMITS.tags, 't');
    expect(() => tagToAdd(tags, 'one more', naming, refuse)).toThrow(
      'account a-1 already has the most tags an account may have',
    );
    expect(tagToAdd(tags, 'T0', naming, refuse)).toBeUndefined();
    expect(tagToRemove(['VIP'], 'vip')).toBe('VIP');
    expect(tagToRemove(['VIP'], 'partner')).toBeUndefined();
  });

  it('changesCustomField: the same value changes nothing; a new key on a full record refuses, a known key does not', () => {
    expect(changesCustomField({ tier: 'gold' }, 'tier', 'gold', naming, refuse)).toBe(false);
    expect(changesCustomField({}, 'tier', null, naming, refuse)).toBe(false);
    expect(changesCustomField({ tier: 'gold' }, 'tier', 'silver', naming, refuse)).toBe(true);
    const fields = Object.fromEntries(full(RECORD_LIMITS.customFields, 'k').map((k) => [k, 1]));
    expect(() => changesCustomField(fields, 'new', 1, naming, refuse)).toThrow(
      'account a-1 already has the most custom fields an account may have',
    );
    expect(changesCustomField(fields, 'k0', 2, naming, refuse)).toBe(true);
  });

  it('withTag and withoutTag fold the tag events without touching the state given', () => {
    const state = Object.freeze({ tags: Object.freeze(['VIP']) });
    expect(withTag(state, 'Partner').tags).toEqual(['VIP', 'Partner']);
    expect(withoutTag(state, 'VIP').tags).toEqual([]);
    expect(state.tags).toEqual(['VIP']);
  });
});
