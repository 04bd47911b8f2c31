import { DealStatus } from '@crm/domain';
import {
  dealCyclesProjection,
  DealDocument,
  dealFiguresProjection,
  LeadDocument,
  ticketFiguresProjection,
  ticketTimesProjection,
} from '@crm/projections';
import { ReadModels } from '../read-models';
import { readCollections, ReadCollections } from '../views/read-model-collections';
import { findForEach, ownDocument } from '../views/tenant-documents';
import { campaignReport, CampaignReportRow } from './campaign.report';
import { campaignReportFromRows } from './campaign-report-from-rows';
import { DateRange } from './date-range';
import { forecastFromRows, revenueByMonthFromRows, winRateFromRows } from './deal-figure-reports';
import { DealFigureRows, monthRangeOf } from './deal-figure-rows';
import { forecast, ForecastRow } from './forecast.report';
import { currentStageProbability } from './stage-probabilities';
import { leadFunnel, LeadFunnelOptions, LeadFunnelReport } from './lead-funnel.report';
import { leadFunnelFromRows } from './lead-funnel-from-rows';
import { LeadFunnelRows } from './lead-funnel-rows';
import { revenueByMonth, RevenueByMonthRow } from './revenue-by-month.report';
import { rowsAnswer } from './report-rows-scope';
import { salesCycle, SalesCycleReport } from './sales-cycle.report';
import { salesCycleFromRows } from './sales-cycle-from-rows';
import { stageConversion, StageConversionReport } from './stage-conversion.report';
import { stageConversionFromRows } from './stage-conversion-from-rows';
import { ticketReport, TicketReport, TicketReportOptions } from './ticket.report';
import { ticketReportFromRows } from './ticket-report-from-rows';
import { winRate, WinRateReport } from './win-rate.report';

/**
 * The analytical reports of one tenant. The win rate, the revenue and the forecast read the
 * aggregate rows of `deal-figures` (as many as the answer's dimensions, not the tenant's deals)
 * when the rows can answer: they are built, the caller's row rule on deals is none or
 * "owner = X", and a period starts and ends at UTC month starts (the rows are per month and keep
 * no history, so `asOf` scans). The lead funnel reads the rows of `lead-funnel` (one per source or
 * campaign), and the campaign report its campaign rows beside the campaigns, when they are built
 * and the caller reads every lead and deal (no row rule on either; not `asOf`). The sales cycle,
 * the ticket report and stage conversion read rows for counts and sums and rank-sorted indexes
 * for medians and percentiles (`*-from-rows.ts`, `ranked-values.ts`) for a caller with no row rule
 * on deals (tickets), once built at the version that keeps them, not `asOf`. Otherwise each
 * method loads that tenant's documents the caller may read (every query filters on `tenantId`)
 * and hands them to the report's pure function.
 */
export class ReportQueries {
  private readonly collections: ReadCollections;
  private readonly dealFigures: DealFigureRows;
  private readonly leadFunnelRows: LeadFunnelRows;

  constructor(private readonly readModels: ReadModels) {
    this.collections = readCollections(readModels);
    this.dealFigures = new DealFigureRows(readModels);
    this.leadFunnelRows = new LeadFunnelRows(readModels);
  }

  async leadFunnel(tenantId: string, options: LeadFunnelOptions): Promise<LeadFunnelReport> {
    if (await this.leadFunnelRows.answerable()) {
      const rows = await this.leadFunnelRows.rows(tenantId, options.groupBy);
      return leadFunnelFromRows(rows, options.groupBy);
    }
    const [leads, deals] = await Promise.all([
      this.leads(tenantId),
      this.dealsWithStatus(tenantId, 'won'),
    ]);
    return leadFunnel(leads, deals, options);
  }

  async winRate(tenantId: string, range: DateRange = {}): Promise<WinRateReport> {
    const months = (await this.dealFigures.answerable()) ? monthRangeOf(range) : undefined;
    if (months !== undefined)
      return winRateFromRows(await this.dealFigures.closed(tenantId, months));
    return winRate(await this.dealsWithStatus(tenantId, 'won', 'lost'), range);
  }

  async salesCycle(tenantId: string): Promise<SalesCycleReport> {
    if (await rowsAnswer(this.readModels, 'deal', [dealFiguresProjection, dealCyclesProjection]))
      return salesCycleFromRows(this.readModels, tenantId);
    return salesCycle(await this.dealsWithStatus(tenantId, 'won'));
  }

  /** Undefined when the tenant has no such pipeline. */
  async stageConversion(
    tenantId: string,
    pipelineId: string,
  ): Promise<StageConversionReport | undefined> {
    const pipelines = await this.collections.pipelines();
    const pipeline = await ownDocument(pipelines, tenantId, pipelineId);
    if (pipeline === undefined) return undefined;
    if (await rowsAnswer(this.readModels, 'deal', [dealFiguresProjection]))
      return stageConversionFromRows(this.readModels, tenantId, pipeline);
    const deals = await this.collections.deals();
    return stageConversion(await deals.find({ tenantId, pipelineId }), pipeline);
  }

  async revenueByMonth(tenantId: string, range: DateRange = {}): Promise<RevenueByMonthRow[]> {
    const months = (await this.dealFigures.answerable()) ? monthRangeOf(range) : undefined;
    if (months !== undefined)
      return revenueByMonthFromRows(await this.dealFigures.won(tenantId, months));
    return revenueByMonth(await this.dealsWithStatus(tenantId, 'won'), range);
  }

  async forecast(tenantId: string): Promise<ForecastRow[]> {
    const pipelines = this.collections
      .pipelines()
      .then((collection) => collection.find({ tenantId }));
    if (await this.dealFigures.answerable()) {
      const [rows, probabilities] = await Promise.all([this.dealFigures.open(tenantId), pipelines]);
      return forecastFromRows(rows, currentStageProbability(probabilities));
    }
    const [deals, probabilities] = await Promise.all([
      this.dealsWithStatus(tenantId, 'open'),
      pipelines,
    ]);
    return forecast(deals, currentStageProbability(probabilities));
  }

  async ticketReport(
    tenantId: string,
    options: TicketReportOptions = { now: new Date() },
  ): Promise<TicketReport> {
    const projections = [ticketFiguresProjection, ticketTimesProjection];
    if (await rowsAnswer(this.readModels, 'ticket', projections))
      return ticketReportFromRows(this.readModels, tenantId, options);
    const tickets = await (await this.collections.tickets()).find({ tenantId });
    return ticketReport(tickets, options);
  }

  async campaignReport(tenantId: string): Promise<CampaignReportRow[]> {
    const campaigns = this.collections
      .campaigns()
      .then((collection) => collection.find({ tenantId }));
    if (await this.leadFunnelRows.answerable()) {
      const [documents, leadRows, wonRows] = await Promise.all([
        campaigns,
        this.leadFunnelRows.campaignLeads(tenantId),
        this.leadFunnelRows.campaignWins(tenantId),
      ]);
      return campaignReportFromRows(documents, leadRows, wonRows);
    }
    const [documents, leads, deals] = await Promise.all([
      campaigns,
      this.leads(tenantId),
      this.dealsWithStatus(tenantId, 'won'),
    ]);
    return campaignReport(documents, leads, deals);
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
