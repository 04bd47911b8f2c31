import { FitAttributes, fitPoints } from './fit-points';
import { isFreeMailDomain } from './free-mail';
import { FitRule } from './scoring-model';

const lead: FitAttributes = {
  industry: 'Software',
  country: 'DE',
  companySize: 250,
  freeMailDomain: 'false',
};
const rule = (fields: Omit<FitRule, 'id' | 'points'>): FitRule => ({
  id: 'r',
  points: 7,
  ...fields,
});
const matched = (fields: Omit<FitRule, 'id' | 'points'>, attributes = lead): boolean =>
  fitPoints([rule(fields)], attributes).length === 1;

describe('fit points on the profile attributes', () => {
  it('compares industry and country with equals and in, ignoring case', () => {
    expect(matched({ attribute: 'industry', operator: 'equals', value: 'software' })).toBe(true);
    expect(matched({ attribute: 'industry', operator: 'equals', value: 'retail' })).toBe(false);
    expect(matched({ attribute: 'country', operator: 'in', values: ['fr', 'de'] })).toBe(true);
    expect(matched({ attribute: 'country', operator: 'in', values: ['FR', 'AT'] })).toBe(false);
  });

  it('compares companySize with atLeast (>=) and below (<)', () => {
    const size = (operator: 'atLeast' | 'below', number: number) =>
      matched({ attribute: 'companySize', operator, number });
    expect([size('atLeast', 249), size('atLeast', 250), size('atLeast', 251)]).toEqual([
      true,
      true,
      false,
    ]);
    expect([size('below', 251), size('below', 250), size('below', 249)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('never matches an attribute the lead does not have', () => {
    const bare: FitAttributes = {};
    expect(matched({ attribute: 'companySize', operator: 'below', number: 10 }, bare)).toBe(false);
    expect(matched({ attribute: 'country', operator: 'equals', value: 'DE' }, bare)).toBe(false);
    expect(matched({ attribute: 'freeMailDomain', operator: 'equals', value: 'false' }, bare)).toBe(
      false,
    );
  });

  it('reads freeMailDomain as the text true or false', () => {
    expect(matched({ attribute: 'freeMailDomain', operator: 'equals', value: 'false' })).toBe(true);
    expect(matched({ attribute: 'freeMailDomain', operator: 'equals', value: 'true' })).toBe(false);
  });
});

describe('free-mail domains', () => {
  it('knows the providers, in any case, and not a company domain', () => {
    expect(['gmail.com', 'Yahoo.com', ' outlook.com '].map(isFreeMailDomain)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['acme-corp.example', 'ibm.com'].map(isFreeMailDomain)).toEqual([false, false]);
  });
});
