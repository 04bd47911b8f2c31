import { Measurement } from './model';
import { evaluateTargets, floorRatio, gapText, ids, TargetSpec, targetsFor } from './targets';

const m = (id: string, value: number, extra: Partial<Measurement> = {}): Measurement => ({
  id,
  figure: 'command-path',
  label: id,
  value,
  unit: 'commands/s',
  ...extra,
});

describe('targetsFor', () => {
  it('holds every target of the issue, the default-durability one on the default mode', () => {
    const targets = targetsFor('NORMAL');
    expect(targets.find((t) => t.id === 'default-c64')?.measurement).toBe(
      ids.command('NORMAL', 64),
    );
    expect(targetsFor('FULL').find((t) => t.id === 'default-c64')?.measurement).toBe(
      ids.command('FULL', 64),
    );
    expect(targets.filter((t) => t.id.startsWith('report-'))).toHaveLength(9);
    expect(targets.filter((t) => t.id.startsWith('list-'))).toHaveLength(6);
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
  });
});

describe('the automation target', () => {
  const automation = targetsFor('NORMAL').filter((t) => t.id === 'automation-catch-up');
  const rates = (alone: number, withRules: number) => [
    m(ids.automationCatchUpAlone, alone, { unit: 'events/s' }),
    m(ids.automationCatchUpWithRules, withRules, { unit: 'events/s' }),
  ];

  it('passes while the rule runner leaves at least half the catch-up rate, misses below', () => {
    expect(evaluateTargets(automation, rates(40_000, 20_000), 1_000_000)[0]).toMatchObject({
      status: 'PASS',
      threshold: 20_000,
    });
    expect(evaluateTargets(automation, rates(40_000, 19_000), 1_000_000)[0]).toMatchObject({
      status: 'MISS',
    });
  });
});

describe('floorRatio', () => {
  it('divides by the named floor, and is undefined without one', () => {
    const floor = m('raw.commit.FULL', 4000);
    const all = new Map([[floor.id, floor]]);
    expect(floorRatio(m('x', 6000, { floor: 'raw.commit.FULL' }), all)).toBe(1.5);
    expect(floorRatio(m('x', 6000), all)).toBeUndefined();
    expect(floorRatio(m('x', 6000, { floor: 'raw.scan' }), all)).toBeUndefined();
  });
});

describe('evaluateTargets', () => {
  const atLeastHalfFloor: TargetSpec = {
    id: 'half',
    text: 'half the floor',
    measurement: 'cmd',
    field: 'value',
    op: '>=',
    threshold: { floorFactor: 0.5, floor: 'floor' },
    unit: 'commands/s',
  };
  const p99Under5: TargetSpec = {
    id: 'p99',
    text: 'p99 <= 5 ms',
    measurement: 'query',
    field: 'p99',
    op: '<=',
    threshold: { absolute: 5 },
    unit: 'ms',
    statedAtEvents: 1_000_000,
  };

  it('scales a floor-relative threshold and passes or misses', () => {
    const [pass] = evaluateTargets([atLeastHalfFloor], [m('floor', 4000), m('cmd', 2500)], 10);
    expect(pass).toMatchObject({ status: 'PASS', threshold: 2000, actual: 2500 });
    const [miss] = evaluateTargets([atLeastHalfFloor], [m('floor', 4000), m('cmd', 1000)], 10);
    expect(miss).toMatchObject({ status: 'MISS', gap: 'at 50% of target, needs 2x' });
  });

  it('reads the asked field and flags a run smaller than the size the target is stated for', () => {
    const [outcome] = evaluateTargets(
      [p99Under5],
      [m('query', 1, { unit: 'ms', p50: 1, p99: 12 })],
      100_000,
    );
    expect(outcome).toMatchObject({ status: 'MISS', actual: 12, gap: '2.4x the limit' });
    expect(outcome.note).toBe('run at 100k events; target stated for 1M');
  });

  it('is N/A when the measurement or its floor is missing', () => {
    expect(evaluateTargets([p99Under5], [], 1_000_000)[0]).toMatchObject({
      status: 'N/A',
      gap: 'not measured in this run',
    });
    expect(evaluateTargets([atLeastHalfFloor], [m('cmd', 1)], 1)[0]).toMatchObject({
      status: 'N/A',
      gap: 'floor not measured',
    });
  });
});

describe('gapText', () => {
  it('says how far off or how much headroom', () => {
    expect(gapText('>=', 150, 100)).toBe('50% above');
    expect(gapText('>=', 25, 100)).toBe('at 25% of target, needs 4x');
    expect(gapText('<=', 25, 100)).toBe('75% below');
    expect(gapText('<=', 300, 100)).toBe('3x the limit');
  });
});
