import { ReadModels, ReadScope, ReportQueries } from '@crm/queries';
import { Injectable } from '@nestjs/common';
import { ViewClock } from '../queries/view-clock';

/**
 * Where a report reads from: the live read models, or, for `asOf`, the versions of their
 * documents valid at that moment (the history the read models keep), computed at that moment.
 */
@Injectable()
export class ReportSource {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: ViewClock,
  ) {}

  /** The report over what the caller of `scope` may read, now or `asOf`. */
  async run<T>(
    asOf: string | undefined,
    scope: ReadScope,
    report: (reports: ReportQueries, now: Date) => Promise<T>,
  ): Promise<T> {
    const readModels = this.readModels.within(scope);
    if (asOf === undefined) return report(new ReportQueries(readModels), this.clock.now());
    const at = new Date(asOf);
    return report(new ReportQueries(readModels.asOf(at)), at);
  }
}
