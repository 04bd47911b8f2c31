import { MoneyTotal, sumMoney } from '@crm/domain';
import { DealDocument } from '@crm/projections';
import { OpenDealRow } from '../reports/deal-figure-rows';
import { groupBy } from '../reports/grouping';
import { MoneyTotals, sumByCurrency } from './money-totals';

/** The open deals of one board column summed up: how many, and their amounts per currency. */
export type StageFigures = { count: number; amounts: MoneyTotal[] };

/** Figures per stage id; a stage without open deals is absent. */
export type BoardFigures = ReadonlyMap<string, StageFigures>;

export const NO_FIGURES: StageFigures = { count: 0, amounts: [] };

const figuresPerStage = <T>(
  items: readonly T[],
  stageOf: (item: T) => string,
  figuresOf: (group: readonly T[]) => StageFigures,
): BoardFigures =>
  new Map([...groupBy(items, stageOf)].map(([stageId, group]) => [stageId, figuresOf(group)]));

/** From the `open` rows of `deal-figures`: as many rows as dimensions, not deals. */
export const figuresFromRows = (rows: readonly OpenDealRow[]): BoardFigures =>
  figuresPerStage(
    rows,
    (row) => row.stageId,
    (group) => ({
      count: group.reduce((sum, row) => sum + row.deals, 0),
      amounts: sumMoney(
        group.map((row) => ({ amountMinor: row.amountMinor, currency: row.currency })),
      ),
    }),
  );

/** From the open deals themselves (the scanning path). */
export const figuresFromDeals = (deals: readonly DealDocument[]): BoardFigures =>
  figuresPerStage(
    deals,
    (deal) => deal.stageId,
    (group) => ({ count: group.length, amounts: sumMoney(group.map((deal) => deal.amount)) }),
  );

/** What a column or the whole board shows for figures each weighed by a stage probability. */
export type WeighedFigures = { count: number; total: MoneyTotals; weightedTotal: MoneyTotals };

/**
 * Counts, totals and weighted totals of `parts`. Weighing a stage's sum equals weighing each of
 * its deals: the weighted sum is exact and rounded once, so the answer does not depend on it.
 */
export const weighedFigures = (
  parts: readonly { figures: StageFigures; probability: number }[],
): WeighedFigures => ({
  count: parts.reduce((sum, part) => sum + part.figures.count, 0),
  total: sumByCurrency(parts.flatMap((part) => part.figures.amounts.map((amount) => ({ amount })))),
  weightedTotal: sumByCurrency(
    parts.flatMap((part) =>
      part.figures.amounts.map((amount) => ({ amount, weight: part.probability })),
    ),
  ),
});
