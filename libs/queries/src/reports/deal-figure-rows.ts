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

/** A whole-day range (`fromDay <= day < toDay`), or undefined when a bound is not a UTC midnight. */
export type DayRange = { fromDay?: string; toDay?: string };

const dayAt = (at: Date | undefined): string | undefined | null => {
  if (at === undefined) return undefined;
  return at.getTime() % 86_400_000 === 0 ? at.toISOString().slice(0, 10) : null;
};

export const dayRangeOf = (range: DateRange): DayRange | undefined => {
  const fromDay = dayAt(range.from);
  const toDay = dayAt(range.to);
  if (fromDay === null || toDay === null) return undefined;
  return { ...(fromDay !== undefined && { fromDay }), ...(toDay !== undefined && { toDay }) };
};

const dayFilter = ({ fromDay, toDay }: DayRange): Filter =>
  fromDay === undefined && toDay === undefined
    ? {}
    : {
        day: {
          ...(fromDay !== undefined && { $gte: fromDay }),
          ...(toDay !== undefined && { $lt: toDay }),
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
 * projection has been built (a new deployment, or an `asOf` replay that leaves it out, scans the
 * deals meanwhile) and for a scope they can answer.
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

  async closed(tenantId: string, days: DayRange): Promise<ClosedDealRow[]> {
    return this.rows('closed', tenantId, dayFilter(days));
  }

  async won(tenantId: string, days: DayRange): Promise<WonDealRow[]> {
    return this.rows('won', tenantId, dayFilter(days));
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
