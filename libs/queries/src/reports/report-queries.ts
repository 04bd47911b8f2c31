import { DealStatus } from '@crm/domain';
import { DealDocument, LeadDocument } from '@crm/projections';
import { ReadModels } from '../read-models';
import { readCollections, ReadCollections } from '../views/read-model-collections';
import { findForEach, ownDocument } from '../views/tenant-documents';
import { campaignReport, CampaignReportRow } from './campaign.report';
import { DateRange } from './date-range';
import { forecast, ForecastRow } from './forecast.report';
import { currentStageProbability } from './stage-probabilities';
import { leadFunnel, LeadFunnelOptions, LeadFunnelReport } from './lead-funnel.report';
import { revenueByMonth, RevenueByMonthRow } from './revenue-by-month.report';
import { salesCycle, SalesCycleReport } from './sales-cycle.report';
import { stageConversion, StageConversionReport } from './stage-conversion.report';
import { ticketReport, TicketReport, TicketReportOptions } from './ticket.report';
import { winRate, WinRateReport } from './win-rate.report';

/**
 * The analytical reports of one tenant: each method loads that tenant's documents (every query
 * filters on `tenantId`) and hands them to the report's pure function.
 */
export class ReportQueries {
  private readonly collections: ReadCollections;

  constructor(readModels: ReadModels) {
    this.collections = readCollections(readModels);
  }

  async leadFunnel(tenantId: string, options: LeadFunnelOptions): Promise<LeadFunnelReport> {
    const [leads, deals] = await Promise.all([
      this.leads(tenantId),
      this.dealsWithStatus(tenantId, 'won'),
    ]);
    return leadFunnel(leads, deals, options);
  }

  async winRate(tenantId: string, range: DateRange = {}): Promise<WinRateReport> {
    return winRate(await this.dealsWithStatus(tenantId, 'won', 'lost'), range);
  }

  async salesCycle(tenantId: string): Promise<SalesCycleReport> {
    return salesCycle(await this.dealsWithStatus(tenantId, 'won'));
  }

  /** Undefined when the tenant has no such pipeline. */
  async stageConversion(
    tenantId: string,
    pipelineId: string,
  ): Promise<StageConversionReport | undefined> {
    const [pipelines, deals] = await Promise.all([
      this.collections.pipelines(),
      this.collections.deals(),
    ]);
    const pipeline = await ownDocument(pipelines, tenantId, pipelineId);
    if (pipeline === undefined) return undefined;
    return stageConversion(await deals.find({ tenantId, pipelineId }), pipeline);
  }

  async revenueByMonth(tenantId: string, range: DateRange = {}): Promise<RevenueByMonthRow[]> {
    return revenueByMonth(await this.dealsWithStatus(tenantId, 'won'), range);
  }

  async forecast(tenantId: string): Promise<ForecastRow[]> {
    const [deals, pipelines] = await Promise.all([
      this.dealsWithStatus(tenantId, 'open'),
      this.collections.pipelines().then((collection) => collection.find({ tenantId })),
    ]);
    return forecast(deals, currentStageProbability(pipelines));
  }

  async ticketReport(
    tenantId: string,
    options: TicketReportOptions = { now: new Date() },
  ): Promise<TicketReport> {
    const tickets = await (await this.collections.tickets()).find({ tenantId });
    return ticketReport(tickets, options);
  }

  async campaignReport(tenantId: string): Promise<CampaignReportRow[]> {
    const [campaigns, leads, deals] = await Promise.all([
      this.collections.campaigns().then((collection) => collection.find({ tenantId })),
      this.leads(tenantId),
      this.dealsWithStatus(tenantId, 'won'),
    ]);
    return campaignReport(campaigns, leads, deals);
  }

  private async leads(tenantId: string): Promise<LeadDocument[]> {
    return (await this.collections.leads()).find({ tenantId });
  }

  /** One equality query per status, so every store can use its `[tenantId, status]` index. */
  private async dealsWithStatus(
    tenantId: string,
    ...statuses: DealStatus[]
  ): Promise<DealDocument[]> {
    return findForEach(await this.collections.deals(), tenantId, 'status', statuses);
  }
}
