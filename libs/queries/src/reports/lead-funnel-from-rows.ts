import { compareText } from '../views/compare';
import {
  funnelFiguresOf,
  LeadFunnelCounts,
  LeadFunnelGroupBy,
  LeadFunnelReport,
} from './lead-funnel.report';
import { LeadFunnelCountRow } from './lead-funnel-rows';

const sum = (rows: readonly LeadFunnelCounts[], name: keyof LeadFunnelCounts): number =>
  rows.reduce((total, row) => total + row[name], 0);

/**
 * `leadFunnel` from the `funnel` rows of one dimension: every lead is in exactly one row of it,
 * so the total is the rows' sum (lead-funnel-reports.spec.ts checks it against the scan).
 */
export const leadFunnelFromRows = (
  rows: readonly LeadFunnelCountRow[],
  groupBy: LeadFunnelGroupBy,
): LeadFunnelReport => ({
  groupBy,
  rows: [...rows]
    .sort((a, b) => compareText(a.key, b.key))
    .map((row) => ({ key: row.key, ...funnelFiguresOf(row) })),
  total: funnelFiguresOf({
    captured: sum(rows, 'captured'),
    qualified: sum(rows, 'qualified'),
    converted: sum(rows, 'converted'),
    won: sum(rows, 'won'),
  }),
});
