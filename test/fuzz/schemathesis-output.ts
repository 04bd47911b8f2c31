/**
 * Schemathesis closes its run with a pytest-style line ("=== 3 warnings in 58.88s ===") that CI
 * reads as a pytest run which executed no test. The fuzz step drops that line and closes with a
 * plain count of the cases instead, taken from Schemathesis's own "Test cases:" summary.
 */

const PYTEST_STYLE_CLOSING = /^=+ .+ in [\d.]+s =+$/;
const CASES_LINE = /^\s*(\d+) generated, (.+)$/;

export type CaseCounts = { generated: number; passed: number; failed: number };

export const isPytestStyleClosing = (line: string): boolean => PYTEST_STYLE_CLOSING.test(line);

const countOf = (text: string, word: string): number => {
  const match = new RegExp(`(\\d+) ${word}`).exec(text);
  return match ? Number(match[1]) : 0;
};

/** The counts in Schemathesis's "N generated, N passed, N failed" line; undefined for other lines. */
export const caseCountsIn = (line: string): CaseCounts | undefined => {
  const match = CASES_LINE.exec(line);
  if (!match) return undefined;
  return {
    generated: Number(match[1]),
    passed: countOf(match[2], 'passed'),
    failed: countOf(match[2], 'failed'),
  };
};

export const plainClosingLine = (counts: CaseCounts): string =>
  `Schemathesis: ${counts.passed} passed, ${counts.failed} failed`;
