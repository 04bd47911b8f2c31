import { abilityFor } from '@crm/application';
import { NOTHING, readFilterOf, readScopeOf, scopeAllows, withinScope } from './read-scope';

const scopeOf = (roles: string[]) => readScopeOf(abilityFor({ subject: 'rep-a', roles }));

describe('read scope from row rules', () => {
  it('reads everything for an admin or a manager: no filter for any kind', () => {
    expect(scopeOf(['admin']).filters).toEqual({});
    expect(scopeOf(['manager']).filters).toEqual({});
  });

  it("turns a sales rep's rules into the owner filter, and unowned leads besides", () => {
    const { filters } = scopeOf(['sales-rep']);
    expect(filters.deal).toEqual({ ownerId: 'rep-a' });
    expect(filters.lead).toEqual({
      $or: [{ ownerId: { $exists: false } }, { ownerId: 'rep-a' }],
    });
    expect(filters.account).toBeUndefined();
    expect(filters.ticket).toEqual(NOTHING);
  });

  it('widens the filter when a second role reads more', () => {
    const ability = abilityFor({ subject: 'rep-a', roles: ['sales-rep', 'analyst'] });
    expect(readFilterOf(ability, 'deal')).toBeUndefined();
  });

  it('checks a document in memory by the same filter', () => {
    const scope = scopeOf(['marketer']);
    const consented = { _id: 'c1', consents: { email: { status: 'opted_in' } } };
    expect(scopeAllows(scope, 'contact', consented)).toBe(true);
    expect(scopeAllows(scope, 'contact', { _id: 'c2', consents: {} })).toBe(false);
    expect(scopeAllows(scope, 'deal', { _id: 'd1', ownerId: 'rep-a' })).toBe(false);
  });

  it('keeps the caller filter and adds the scope under $and', () => {
    expect(withinScope({ tenantId: 't', $and: [{ a: 1 }] }, { ownerId: 'rep-a' })).toEqual({
      tenantId: 't',
      $and: [{ a: 1 }, { ownerId: 'rep-a' }],
    });
    expect(withinScope({ tenantId: 't' }, undefined)).toEqual({ tenantId: 't' });
  });
});
