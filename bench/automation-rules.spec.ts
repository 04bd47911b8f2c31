import { ruleProblems } from '@crm/application';
import { BENCH_RULES } from './automation-rules';

describe('the automation figure rules', () => {
  it('are ten rules the registry accepts, one of them delayed', () => {
    expect(BENCH_RULES).toHaveLength(10);
    expect(BENCH_RULES.map((rule) => ruleProblems(rule))).toEqual(BENCH_RULES.map(() => []));
    expect(BENCH_RULES.filter((rule) => rule.delay)).toHaveLength(1);
  });
});
