import { aggregateDeciders, domainErrorCodes } from './aggregates';
import * as domain from './index';

const tables = Object.entries(domain).filter(([name]) => name.endsWith('_ERROR_CODES')) as [
  string,
  Record<string, string>,
][];

describe('domain error codes', () => {
  it('are declared per aggregate, each code prefixed by its kind and declared once', () => {
    expect(tables.map(([name]) => name.replace('_ERROR_CODES', '').toLowerCase()).sort()).toEqual(
      Object.keys(aggregateDeciders).sort(),
    );
    for (const [name, table] of tables) {
      const prefix = name.replace('ERROR_CODES', '');
      for (const code of Object.keys(table)) expect(code.startsWith(prefix)).toBe(true);
    }
    const declared = tables.reduce((sum, [, table]) => sum + Object.keys(table).length, 0);
    expect(Object.keys(domainErrorCodes)).toHaveLength(declared);
  });

  it('answer a missing record with <KIND>_NOT_FOUND and a duplicate with <KIND>_ALREADY_EXISTS', () => {
    for (const kind of Object.keys(aggregateDeciders)) {
      const codes: Record<string, string> = domainErrorCodes;
      expect(codes[`${kind.toUpperCase()}_NOT_FOUND`]).toBe('not_found');
      expect(codes[`${kind.toUpperCase()}_ALREADY_EXISTS`]).toBe('already_exists');
    }
  });
});
