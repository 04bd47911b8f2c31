import { caseCountsIn, isPytestStyleClosing, plainClosingLine } from './schemathesis-output';

describe('Schemathesis output', () => {
  it('recognises the pytest-style closing line and nothing else', () => {
    expect(
      isPytestStyleClosing(
        '============================= 3 warnings in 63.42s =============================',
      ),
    ).toBe(true);
    expect(
      isPytestStyleClosing(
        '=================================== SUMMARY ====================================',
      ),
    ).toBe(false);
    expect(isPytestStyleClosing('  8513 generated, 8513 passed')).toBe(false);
  });

  it('reads the case counts, failures included', () => {
    expect(caseCountsIn('  8513 generated, 8513 passed')).toEqual({
      generated: 8513,
      passed: 8513,
      failed: 0,
    });
    expect(caseCountsIn('  900 generated, 880 passed, 20 failed')).toEqual({
      generated: 900,
      passed: 880,
      failed: 20,
    });
    expect(caseCountsIn('  9589 generated, 2 found 2 unique failures, 82 skipped')).toEqual({
      generated: 9589,
      passed: 9505,
      failed: 2,
    });
    expect(caseCountsIn('  9589 generated, 9507 passed, 82 skipped')).toEqual({
      generated: 9589,
      passed: 9507,
      failed: 0,
    });
    expect(caseCountsIn('Test cases:')).toBeUndefined();
  });

  it('closes with the plain line CI counts', () => {
    expect(plainClosingLine({ generated: 10, passed: 8, failed: 2 })).toBe(
      'Schemathesis: 8 passed, 2 failed',
    );
  });
});
