import { Measurement, TargetOutcome } from './model';
import {
  formatNumber,
  formatValue,
  measurementTable,
  renderTable,
  statusCounts,
  targetTable,
} from './table';

const measurement = (fields: Partial<Measurement> & Pick<Measurement, 'id'>): Measurement => ({
  figure: 'command-path',
  label: fields.id,
  value: 0,
  unit: 'commands/s',
  ...fields,
});

const outcome = (fields: Partial<TargetOutcome>): TargetOutcome => ({
  id: 't',
  text: 'target',
  measurement: 'm',
  actual: 1,
  op: '>=',
  threshold: 1,
  unit: 'commands/s',
  status: 'PASS',
  gap: '',
  ...fields,
});

describe('number formatting', () => {
  it('groups thousands with commas and keeps sensible decimals per unit', () => {
    expect(formatNumber(1234567.8, 'events/s')).toBe('1,234,568');
    expect(formatNumber(0.4567, 'ms')).toBe('0.457');
    expect(formatNumber(4.567, 'ms')).toBe('4.57');
    expect(formatNumber(1234.56, 'ms')).toBe('1,234.6');
    expect(formatNumber(12.345, 's')).toBe('12.3');
    expect(formatNumber(15.25, '%')).toBe('15.3');
    expect(formatNumber(NaN, 'ms')).toBe('-');
  });

  it('puts the unit after the value, except for plain counts', () => {
    expect(formatValue(3000, 'requests/s')).toBe('3,000 requests/s');
    expect(formatValue(3000, 'count')).toBe('3,000');
  });
});

describe('renderTable', () => {
  it('pads every column to its widest cell, right-aligning the number columns below the header', () => {
    expect(
      renderTable(
        [
          ['name', 'value'],
          ['a', '1'],
          ['longer', '1,000'],
        ],
        [1],
      ),
    ).toEqual(['name    value', 'a           1', 'longer  1,000']);
  });
});

describe('measurementTable', () => {
  it('shows the ratio to the floor and each target with its result', () => {
    const lines = measurementTable(
      [
        measurement({ id: 'raw.commit.FULL', figure: 'raw-floor', value: 4000, unit: 'commits/s' }),
        measurement({
          id: 'command.FULL.c64',
          value: 6000,
          p50: 8.5,
          p99: 21,
          floor: 'raw.commit.FULL',
        }),
      ],
      [
        outcome({ measurement: 'command.FULL.c64', threshold: 12000, status: 'MISS' }),
        outcome({ measurement: 'command.FULL.c64', threshold: 10000, status: 'MISS' }),
      ],
    );
    expect(lines[0]).toMatch(
      /^figure\s+measurement\s+value\s+p50 ms\s+p99 ms\s+x floor\s+target\s+result$/,
    );
    expect(lines[1]).toContain('1. raw floor');
    expect(lines[2]).toContain('2. command path');
    expect(lines[2]).toContain('6,000 commands/s');
    expect(lines[2]).toContain('1.50x');
    expect(lines[2]).toContain('>= 12,000 commands/s; >= 10,000 commands/s');
    expect(lines[2]).toMatch(/MISS; MISS$/);
  });
});

describe('targetTable and statusCounts', () => {
  it('lists every target with actual, threshold, result and gap', () => {
    const outcomes = [
      outcome({ text: 'fast enough', actual: 5, threshold: 10, status: 'MISS', gap: 'at 50%' }),
      outcome({
        text: 'not run',
        actual: null,
        threshold: null,
        status: 'N/A',
        gap: 'not measured',
      }),
      outcome({ text: 'ok', status: 'PASS', note: 'small run' }),
    ];
    const lines = targetTable(outcomes);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/fast enough\s+5 commands\/s\s+10 commands\/s\s+MISS\s+at 50%/);
    expect(lines[2]).toMatch(/not run\s+-\s+-\s+N\/A/);
    expect(lines[3]).toContain('small run');
    expect(statusCounts(outcomes)).toBe('1 PASS, 1 MISS, 1 not measured');
  });
});
