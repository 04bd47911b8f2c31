import {
  ClosedDealRowKeys,
  dealFiguresProjection,
  OpenDealRowKeys,
  RowDocument,
  WonDealRowKeys,
} from '@crm/projections';
import { Filter } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { DateRange } from './date-range';

/** A row of `deal-figures` as a report reads it: its keys, how many deals, their exact sum. */
export type DealFigureRow<K> = K & { deals: number; amountMinor: bigint };

export type OpenDealRow = DealFigureRow<OpenDealRowKeys>;
export type ClosedDealRow = DealFigureRow<ClosedDealRowKeys>;
export type WonDealRow = DealFigureRow<WonDealRowKeys>;

type KeysOf = { open: OpenDealRowKeys; closed: ClosedDealRowKeys; won: WonDealRowKeys };

/** Whole UTC months (`fromMonth <= month < toMonth`). */
export type MonthRange = { fromMonth?: string; toMonth?: string };

const monthStartAt = (at: Date | undefined): string | undefined | null => {
  if (at === undefined) return undefined;
  const isMonthStart = at.getTime() % 86_400_000 === 0 && at.getUTCDate() === 1;
  return isMonthStart ? at.toISOString().slice(0, 7) : null;
};

/** The months of `range`; undefined when a bound is not the start of a UTC month. */
export const monthRangeOf = (range: DateRange): MonthRange | undefined => {
  const fromMonth = monthStartAt(range.from);
  const toMonth = monthStartAt(range.to);
  if (fromMonth === null || toMonth === null) return undefined;
  return {
    ...(fromMonth !== undefined && { fromMonth }),
    ...(toMonth !== undefined && { toMonth }),
  };
};

const monthFilter = ({ fromMonth, toMonth }: MonthRange): Filter =>
  fromMonth === undefined && toMonth === undefined
    ? {}
    : {
        month: {
          ...(fromMonth !== undefined && { $gte: fromMonth }),
          ...(toMonth !== undefined && { $lt: toMonth }),
        },
      };

/**
 * The owner a caller's row rule on deals narrows to, when that is all it says: rows are kept per
 * owner, so they answer "every deal" and "the deals of owner X". Null for any other rule, which
 * the rows cannot answer (the reports then scan the records the caller may read).
 */
const ownerScopeOf = (readModels: ReadModels): Filter | null => {
  const filter = readModels.scope.filters.deal;
  if (filter === undefined) return {};
  const keys = Object.keys(filter);
  return keys.length === 1 && keys[0] === 'ownerId' && typeof filter.ownerId === 'string'
    ? { ownerId: filter.ownerId }
    : null;
};

/**
 * Reads the rows of the deal figures within the caller's scope. They answer only once the
 * projection has been built (a new deployment scans the deals meanwhile), never as of a past
 * moment (the rows keep no history: `asOf` scans the deals' history) and for a scope they can answer.
 */
export class DealFigureRows {
  private readonly ownerScope: Filter | null;

  constructor(private readonly readModels: ReadModels) {
    this.ownerScope = ownerScopeOf(readModels);
  }

  async answerable(): Promise<boolean> {
    return this.ownerScope !== null && this.readModels.isBuilt(dealFiguresProjection.name);
  }

  async open(tenantId: string, filter: Partial<OpenDealRowKeys> = {}): Promise<OpenDealRow[]> {
    return this.rows('open', tenantId, filter);
  }

  async closed(tenantId: string, months: MonthRange): Promise<ClosedDealRow[]> {
    return this.rows('closed', tenantId, monthFilter(months));
  }

  async won(tenantId: string, months: MonthRange): Promise<WonDealRow[]> {
    return this.rows('won', tenantId, monthFilter(months));
  }

  private async rows<R extends keyof KeysOf>(
    row: R,
    tenantId: string,
    filter: Filter,
  ): Promise<DealFigureRow<KeysOf[R]>[]> {
    if (this.ownerScope === null) throw new Error('deal figure rows cannot answer this scope');
    const collection = await this.readModels.collection<RowDocument>(dealFiguresProjection.name);
    // The scope's owner goes beside the filter's, never replaced by it.
    const scoped = Object.keys(this.ownerScope).length === 0 ? {} : { $and: [this.ownerScope] };
    const found = await collection.find({ tenantId, row, ...filter, ...scoped });
    return found.flatMap((document) => {
      const deals = Number(document.counters.deals ?? '0');
      if (deals === 0 || document.tenantId !== tenantId) return [];
      const { _id, _position, counters, ...keys } = document;
      void _id;
      void _position;
      return [
        {
          ...(keys as unknown as KeysOf[R]),
          deals,
          amountMinor: BigInt(counters.amountMinor ?? '0'),
        },
      ];
    });
  }
}
