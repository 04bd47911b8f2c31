import { leadFunnelProjection, LeadFunnelRowKeys, RowDocument } from '@crm/projections';
import { ReadModels } from '../read-models';
import { LeadFunnelCounts, LeadFunnelGroupBy } from './lead-funnel.report';

export type LeadFunnelCountRow = LeadFunnelRowKeys & LeadFunnelCounts;

const count = (document: RowDocument, name: string): number =>
  Number(document.counters[name] ?? '0');

/**
 * Reads the `funnel` rows of `lead-funnel`. They answer only for a caller who reads every lead
 * and every deal (a row mixes leads and deals of every owner: a lead's owner can change without
 * its deal knowing), once the projection is built and never as of a past moment.
 */
export class LeadFunnelRows {
  constructor(private readonly readModels: ReadModels) {}

  async answerable(): Promise<boolean> {
    const { lead, deal } = this.readModels.scope.filters;
    if (lead !== undefined || deal !== undefined) return false;
    return this.readModels.isBuilt(leadFunnelProjection.name);
  }

  async rows(tenantId: string, groupBy: LeadFunnelGroupBy): Promise<LeadFunnelCountRow[]> {
    const collection = await this.readModels.collection<RowDocument>(leadFunnelProjection.name);
    const found = await collection.find({ tenantId, row: 'funnel', groupBy });
    return found.flatMap((document) => {
      if (document.tenantId !== tenantId || count(document, 'captured') === 0) return [];
      return [
        {
          tenantId,
          row: 'funnel' as const,
          groupBy,
          key: String(document.key),
          captured: count(document, 'captured'),
          qualified: count(document, 'qualified'),
          converted: count(document, 'converted'),
          won: count(document, 'won'),
        },
      ];
    });
  }
}
