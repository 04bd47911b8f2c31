import {
  CampaignLeadRowKeys,
  CampaignWonRowKeys,
  leadFunnelProjection,
  LeadFunnelRowKeys,
  RowDocument,
} from '@crm/projections';
import { Filter } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { LeadFunnelCounts, LeadFunnelGroupBy } from './lead-funnel.report';

export type LeadFunnelCountRow = LeadFunnelRowKeys & LeadFunnelCounts;
export type CampaignLeadRow = CampaignLeadRowKeys & { leads: number; deals: number };
export type CampaignWonRow = CampaignWonRowKeys & { deals: number; amountMinor: bigint };

const count = (document: RowDocument, name: string): number =>
  Number(document.counters[name] ?? '0');

/**
 * Reads the rows of `lead-funnel` (the funnel's and the campaign report's). They answer only for
 * a caller who reads every lead and every deal (a row mixes leads and deals of every owner: a
 * lead's owner can change without its deal knowing), once the projection is built and never as
 * of a past moment (the rows keep no history).
 */
export class LeadFunnelRows {
  constructor(private readonly readModels: ReadModels) {}

  async answerable(): Promise<boolean> {
    const { lead, deal } = this.readModels.scope.filters;
    if (lead !== undefined || deal !== undefined) return false;
    return this.readModels.isBuilt(leadFunnelProjection.name);
  }

  async rows(tenantId: string, groupBy: LeadFunnelGroupBy): Promise<LeadFunnelCountRow[]> {
    const found = await this.find(tenantId, { row: 'funnel', groupBy }, 'captured');
    return found.map((document) => ({
      tenantId,
      row: 'funnel',
      groupBy,
      key: String(document.key),
      captured: count(document, 'captured'),
      qualified: count(document, 'qualified'),
      converted: count(document, 'converted'),
      won: count(document, 'won'),
    }));
  }

  async campaignLeads(tenantId: string): Promise<CampaignLeadRow[]> {
    const found = await this.find(tenantId, { row: 'campaign' }, 'leads');
    return found.map((document) => ({
      tenantId,
      row: 'campaign',
      campaignId: String(document.campaignId),
      leads: count(document, 'leads'),
      deals: count(document, 'deals'),
    }));
  }

  async campaignWins(tenantId: string): Promise<CampaignWonRow[]> {
    const found = await this.find(tenantId, { row: 'campaign-won' }, 'deals');
    return found.map((document) => ({
      tenantId,
      row: 'campaign-won',
      campaignId: String(document.campaignId),
      currency: String(document.currency),
      deals: count(document, 'deals'),
      amountMinor: BigInt(document.counters.amountMinor ?? '0'),
    }));
  }

  /** The tenant's rows of a kind, leaving out rows nothing counts in anymore (`counted` is 0). */
  private async find(tenantId: string, filter: Filter, counted: string): Promise<RowDocument[]> {
    const collection = await this.readModels.collection<RowDocument>(leadFunnelProjection.name);
    const found = await collection.find({ tenantId, ...filter });
    return found.filter(
      (document) => document.tenantId === tenantId && count(document, counted) > 0,
    );
  }
}
