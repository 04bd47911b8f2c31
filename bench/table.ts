import { FIGURE_TITLES, Measurement, TargetOutcome, Unit } from './model';
import { floorRatio } from './targets';

/** Thousands separated by commas, whatever the machine's locale. */
const grouped = (value: number, decimals = 0): string => {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${withCommas}${fraction ? `.${fraction}` : ''}`;
};

/** A number as the table shows it: rates whole, milliseconds and seconds with sensible decimals. */
export const formatNumber = (value: number, unit: Unit | string): string => {
  if (!Number.isFinite(value)) return '-';
  switch (unit) {
    case 'ms':
      return value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : grouped(value, 1);
    case 's':
      return value < 10 ? value.toFixed(2) : grouped(value, 1);
    case '%':
      return value.toFixed(1);
    default:
      return Math.abs(value) < 10 && !Number.isInteger(value) ? value.toFixed(2) : grouped(value);
  }
};

/** Value and unit, as one cell. */
export const formatValue = (value: number, unit: Unit | string): string =>
  unit === 'count' ? formatNumber(value, unit) : `${formatNumber(value, unit)} ${unit}`;

/** Left-aligned text columns, right-aligned number columns, two spaces between. */
export const renderTable = (
  rows: readonly (readonly string[])[],
  rightAligned: number[],
): string[] => {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows.map((row, rowIndex) => {
    const line = row
      .map((cell, index) =>
        rightAligned.includes(index) && rowIndex > 0
          ? cell.padStart(widths[index])
          : cell.padEnd(widths[index]),
      )
      .join('  ')
      .trimEnd();
    return line;
  });
};

const thresholdText = (outcome: TargetOutcome): string =>
  outcome.threshold === null
    ? outcome.op
    : `${outcome.op} ${formatValue(outcome.threshold, outcome.unit)}`;

/**
 * Every measurement with its ratio to the raw floor and, where the issue sets one, its target and
 * PASS/MISS (several targets on one measurement are joined with `;`).
 */
export const measurementTable = (
  measurements: readonly Measurement[],
  outcomes: readonly TargetOutcome[],
): string[] => {
  const all = new Map(measurements.map((m) => [m.id, m]));
  const rows: string[][] = [
    ['figure', 'measurement', 'value', 'p50 ms', 'p99 ms', 'x floor', 'target', 'result'],
  ];
  for (const m of measurements) {
    const ratio = floorRatio(m, all);
    const targets = outcomes.filter((o) => o.measurement === m.id);
    rows.push([
      FIGURE_TITLES[m.figure],
      m.label,
      formatValue(m.value, m.unit),
      m.p50 === undefined ? '' : formatNumber(m.p50, 'ms'),
      m.p99 === undefined ? '' : formatNumber(m.p99, 'ms'),
      ratio === undefined ? '' : `${ratio.toFixed(2)}x`,
      targets.map(thresholdText).join('; '),
      targets.map((o) => o.status).join('; '),
    ]);
  }
  return renderTable(rows, [2, 3, 4, 5]);
};

/** One line per target: what it asks, what was measured, PASS/MISS and how far off. */
export const targetTable = (outcomes: readonly TargetOutcome[]): string[] => {
  const rows: string[][] = [['target', 'actual', 'threshold', 'result', 'gap']];
  for (const o of outcomes) {
    rows.push([
      o.text,
      o.actual === null ? '-' : formatValue(o.actual, o.unit),
      o.threshold === null ? '-' : formatValue(o.threshold, o.unit),
      o.status,
      [o.gap, o.note].filter(Boolean).join('; '),
    ]);
  }
  return renderTable(rows, [1, 2]);
};

/** The count of each status, for the last line of the table. */
export const statusCounts = (outcomes: readonly TargetOutcome[]): string => {
  const count = (status: TargetOutcome['status']) =>
    outcomes.filter((o) => o.status === status).length;
  return `${count('PASS')} PASS, ${count('MISS')} MISS, ${count('N/A')} not measured`;
};
