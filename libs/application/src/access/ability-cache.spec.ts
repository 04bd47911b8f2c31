import { abilityFor, mayEver } from './roles';

describe('abilityFor', () => {
  it('builds one ability per principal object and keeps principals apart', () => {
    const admin = { subject: 'ada', roles: ['admin'] };
    const analyst = { subject: 'bob', roles: ['analyst'] };
    expect(abilityFor(admin)).toBe(abilityFor(admin));
    expect(abilityFor(analyst)).not.toBe(abilityFor(admin));
    expect(mayEver(abilityFor(admin), 'deal:update')).toBe(true);
    expect(mayEver(abilityFor(analyst), 'deal:update')).toBe(false);
    // An equal principal in another object gets its own ability, with the same grants.
    const adminAgain = { subject: 'ada', roles: ['admin'] };
    expect(abilityFor(adminAgain)).not.toBe(abilityFor(admin));
    expect(mayEver(abilityFor(adminAgain), 'deal:update')).toBe(true);
  });
});
