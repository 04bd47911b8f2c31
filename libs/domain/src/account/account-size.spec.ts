import { accountSizeFor } from './account-size';

describe('accountSizeFor', () => {
  it.each([
    [1, '1-10'],
    [10, '1-10'],
    [11, '11-50'],
    [50, '11-50'],
    [51, '51-200'],
    [200, '51-200'],
    [201, '201-1000'],
    [1000, '201-1000'],
    [1001, '1001-5000'],
    [5000, '1001-5000'],
    [5001, '5000+'],
    [10_000_000, '5000+'],
  ])('files %i employees under %s', (employees, bracket) => {
    expect(accountSizeFor(employees)).toBe(bracket);
  });

  it('has no bracket below one employee', () => {
    expect(accountSizeFor(0)).toBeUndefined();
  });
});
