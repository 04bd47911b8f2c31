import { copyMoney, DealEvent, LeadEvent } from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import {
  LeadFunnelDealDocument,
  LeadFunnelDocument,
  LeadFunnelLeadDocument,
} from './lead-funnel.document';
import { leadFunnelRows } from './lead-funnel-rows';

type FunnelEvent = Extract<
  LeadEvent | DealEvent,
  {
    type:
      'LeadCaptured' | 'LeadQualified' | 'LeadConverted' | 'DealWon' | 'DealLost' | 'DealReopened';
  }
>;

const HANDLED: Record<FunnelEvent['type'], true> = {
  LeadCaptured: true,
  LeadQualified: true,
  LeadConverted: true,
  DealWon: true,
  DealLost: true,
  DealReopened: true,
};
const handles: ReadonlySet<string> = new Set(Object.keys(HANDLED));

const isFunnelEvent = (event: ProjectedEvent): event is ProjectedEvent<FunnelEvent> =>
  handles.has(event.type);

const leadDocumentId = (tenantId: string, leadId: string): string =>
  documentIdFor(tenantId, `lead:${leadId}`);
const dealDocumentId = (tenantId: string, dealId: string): string =>
  documentIdFor(tenantId, `deal:${dealId}`);

const evolveLead = (
  current: LeadFunnelLeadDocument | undefined,
  event: ProjectedEvent<FunnelEvent>,
  documentId: string,
): LeadFunnelLeadDocument | undefined => {
  if (event.type === 'LeadCaptured') {
    const { leadId, source, campaignId } = event.data;
    return {
      _id: documentId,
      tenantId: event.metadata.tenantId,
      entry: 'lead',
      leadId,
      source,
      ...(campaignId !== undefined && { campaignId }),
      qualified: false,
      converted: false,
    };
  }
  if (current === undefined) return undefined;
  if (event.type === 'LeadQualified')
    return current.qualified ? current : { ...current, qualified: true };
  if (event.type === 'LeadConverted') {
    if (current.converted) return current;
    const { deal } = event.data;
    return { ...current, converted: true, ...(deal !== undefined && { dealId: deal.dealId }) };
  }
  return current;
};

const evolveDeal = (
  current: LeadFunnelDealDocument | undefined,
  event: ProjectedEvent<FunnelEvent>,
  documentId: string,
): LeadFunnelDealDocument | undefined => {
  const document: LeadFunnelDealDocument = current ?? {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    entry: 'deal',
    dealId: '',
    won: false,
    leads: [],
  };
  if (event.type === 'LeadConverted') {
    const { leadId, source, campaignId, deal } = event.data;
    if (deal === undefined) return current;
    const link = { leadId, source, ...(campaignId !== undefined && { campaignId }) };
    const others = document.leads.filter((lead) => lead.leadId !== leadId);
    return { ...document, dealId: deal.dealId, leads: [...others, link] };
  }
  if (event.type === 'DealWon') {
    const { dealId, amount } = event.data;
    return { ...document, dealId, won: true, wonAmount: copyMoney(amount) };
  }
  // Lost or reopened: not won. A deal no lead was converted into and never won needs no document.
  if (current === undefined || !current.won) return current;
  const { wonAmount, ...notWon } = current;
  void wonAmount;
  return { ...notWon, won: false };
};

/**
 * The lead funnel's aggregate rows (`lead-funnel-rows.ts`): one document per lead (how far it
 * got) and one per deal a lead was converted into or that was won (won now, and from which
 * leads), so the funnel reads a row per source or campaign instead of every lead and won deal.
 */
export const leadFunnelProjection: Projection<LeadFunnelDocument> = {
  name: 'lead-funnel',
  version: 1,
  indexes: [{ fields: ['tenantId', 'row', 'groupBy'] }],
  handles,
  documentIds: (event) => {
    if (!isFunnelEvent(event)) return [];
    const { tenantId } = event.metadata;
    switch (event.type) {
      case 'LeadCaptured':
      case 'LeadQualified':
        return [leadDocumentId(tenantId, event.data.leadId)];
      case 'LeadConverted': {
        const lead = leadDocumentId(tenantId, event.data.leadId);
        const { deal } = event.data;
        return deal === undefined ? [lead] : [lead, dealDocumentId(tenantId, deal.dealId)];
      }
      default:
        return [dealDocumentId(tenantId, event.data.dealId)];
    }
  },
  evolve: (current, event, documentId) => {
    if (!isFunnelEvent(event)) return current;
    const { tenantId } = event.metadata;
    const isLeadDocument =
      event.type !== 'LeadConverted'
        ? event.type.startsWith('Lead')
        : documentId === leadDocumentId(tenantId, event.data.leadId);
    return isLeadDocument
      ? evolveLead(current as LeadFunnelLeadDocument | undefined, event, documentId)
      : evolveDeal(current as LeadFunnelDealDocument | undefined, event, documentId);
  },
  rowsOf: leadFunnelRows,
};
