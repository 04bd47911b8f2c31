import { DealDocument, LeadDocument } from '@crm/projections';
import { compareText } from '../views/compare';
import { groupBy } from './grouping';
import { rate } from './statistics';

export type LeadFunnelGroupBy = 'source' | 'campaign';

/** The group of leads that came from no campaign. */
export const NO_CAMPAIGN = '(none)';

/** How far a set of leads got; each rate is null when its denominator is 0. */
export type LeadFunnelFigures = {
  captured: number;
  /** Ever qualified: `qualifiedAt` set (even if disqualified since) or converted. */
  qualified: number;
  converted: number;
  /** Converted into a deal that is won now. */
  won: number;
  /** qualified / captured */
  qualifiedRate: number | null;
  /** converted / captured */
  convertedRate: number | null;
  /** won / captured */
  wonRate: number | null;
  /** converted / qualified */
  qualifiedToConvertedRate: number | null;
};

export type LeadFunnelRow = { key: string } & LeadFunnelFigures;

export type LeadFunnelReport = {
  groupBy: LeadFunnelGroupBy;
  /** One row per source (or campaign id, `(none)` for none), in key order. */
  rows: LeadFunnelRow[];
  total: LeadFunnelFigures;
};

export type LeadFunnelOptions = { groupBy: LeadFunnelGroupBy };

const isConverted = (lead: LeadDocument): boolean =>
  lead.status === 'converted' || lead.convertedAt !== undefined;

const wasQualified = (lead: LeadDocument): boolean =>
  lead.qualifiedAt !== undefined || isConverted(lead);

const keyOf =
  (groupBy: LeadFunnelGroupBy) =>
  (lead: LeadDocument): string =>
    groupBy === 'source' ? lead.source : (lead.campaignId ?? NO_CAMPAIGN);

/** The counts of a funnel row or total; the rates follow from them. */
export type LeadFunnelCounts = Pick<
  LeadFunnelFigures,
  'captured' | 'qualified' | 'converted' | 'won'
>;

export const funnelFiguresOf = ({
  captured,
  qualified,
  converted,
  won,
}: LeadFunnelCounts): LeadFunnelFigures => ({
  captured,
  qualified,
  converted,
  won,
  qualifiedRate: rate(qualified, captured),
  convertedRate: rate(converted, captured),
  wonRate: rate(won, captured),
  qualifiedToConvertedRate: rate(converted, qualified),
});

const figuresOf = (
  leads: readonly LeadDocument[],
  wonDealIds: ReadonlySet<string>,
): LeadFunnelFigures => {
  const converted = leads.filter(isConverted);
  const won = converted.filter((lead) => {
    const dealId = lead.conversion?.dealId;
    return dealId !== undefined && wonDealIds.has(dealId);
  }).length;
  return funnelFiguresOf({
    captured: leads.length,
    qualified: leads.filter(wasQualified).length,
    converted: converted.length,
    won,
  });
};

/**
 * Captured → qualified → converted → won, per lead source or campaign. `deals` are the deals the
 * leads may have been converted into (any others are ignored).
 */
export const leadFunnel = (
  leads: readonly LeadDocument[],
  deals: readonly DealDocument[],
  options: LeadFunnelOptions,
): LeadFunnelReport => {
  const wonDealIds = new Set(
    deals.filter((deal) => deal.status === 'won').map((deal) => deal.dealId),
  );
  const rows = [...groupBy(leads, keyOf(options.groupBy)).entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, group]) => ({ key, ...figuresOf(group, wonDealIds) }));
  return { groupBy: options.groupBy, rows, total: figuresOf(leads, wonDealIds) };
};
