import { dealCyclesProjection, dealFiguresProjection, RowDocument } from '@crm/projections';
import { Document, Filter } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { compareText } from '../views/compare';
import { rankedMedian, rankedNearestPercentile, RankedValues } from './ranked-values';
import { SalesCycleFigures, SalesCycleReport } from './sales-cycle.report';
import { round2OrNull } from './statistics';

const MS_PER_DAY = 86_400_000;

/** One month's `cycle` row of `deal-figures`: won deals and their cycles' sum in milliseconds. */
type CycleRow = { month: string; deals: number; cycleMs: bigint };

const cycleRows = async (readModels: ReadModels, tenantId: string): Promise<CycleRow[]> => {
  const rows = await readModels.collection<RowDocument>(dealFiguresProjection.name);
  const found = await rows.find({ tenantId, row: 'cycle' });
  return found
    .map((row) => ({
      month: String(row.month),
      deals: Number(row.counters.deals ?? '0'),
      cycleMs: BigInt(row.counters.cycleMs ?? '0'),
    }))
    .filter((row) => row.deals > 0)
    .sort((a, b) => compareText(a.month, b.month));
};

/**
 * The figures of `deals` won deals whose cycles sum to `cycleMs`, the ranks read from `deal-cycles`
 * among those `filter` matches. The average divides the exact sum once: the scan adds the cycles
 * as fractional days, which can differ in the last bits, never at two decimals but on an exact tie.
 */
const figuresOf = async (
  readModels: ReadModels,
  filter: Filter,
  deals: number,
  cycleMs: bigint,
): Promise<SalesCycleFigures> => {
  const values: RankedValues = {
    collection: await readModels.collection<Document>(dealCyclesProjection.name),
    filter,
    field: 'cycleMs',
    count: deals,
    toValue: (ms) => ms / MS_PER_DAY,
  };
  const [median, p90] = await Promise.all([
    rankedMedian(values),
    rankedNearestPercentile(values, 90),
  ]);
  return {
    count: deals,
    average: deals === 0 ? null : round2OrNull(Number(cycleMs) / (deals * MS_PER_DAY)),
    median: round2OrNull(median),
    p90: round2OrNull(p90),
  };
};

/** `salesCycle` from the `cycle` rows (counts, sums) and the cycles' index (ranks) per month. */
export const salesCycleFromRows = async (
  readModels: ReadModels,
  tenantId: string,
): Promise<SalesCycleReport> => {
  const rows = await cycleRows(readModels, tenantId);
  const deals = rows.reduce((sum, row) => sum + row.deals, 0);
  const cycleMs = rows.reduce((sum, row) => sum + row.cycleMs, 0n);
  const [overall, byMonth] = await Promise.all([
    figuresOf(readModels, { tenantId, cycleWon: true }, deals, cycleMs),
    Promise.all(
      rows.map(async (row) => ({
        month: row.month,
        ...(await figuresOf(
          readModels,
          { tenantId, cycleMonth: row.month },
          row.deals,
          row.cycleMs,
        )),
      })),
    ),
  ]);
  return { overall, byMonth };
};
