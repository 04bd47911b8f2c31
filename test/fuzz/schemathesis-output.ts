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

/**
 * The counts in Schemathesis's summary line, undefined for other lines. A clean run says
 * "8513 generated, 8513 passed"; one with failures "9589 generated, 2 found 2 unique failures,
 * 82 skipped": 2 cases failed (the failures are counted once each), the rest passed.
 */
export const caseCountsIn = (line: string): CaseCounts | undefined => {
  const match = CASES_LINE.exec(line);
  if (!match) return undefined;
  const generated = Number(match[1]);
  const rest = match[2];
  const found = /(\d+) found (\d+) unique failures?/.exec(rest);
  const failed = found ? Number(found[1]) : countOf(rest, 'failed');
  const passed = /\d+ passed/.test(rest)
    ? countOf(rest, 'passed')
    : Math.max(0, generated - failed - countOf(rest, 'skipped'));
  return { generated, passed, failed };
};

export const plainClosingLine = (counts: CaseCounts): string =>
  `Schemathesis: ${counts.passed} passed, ${counts.failed} failed`;
