import { LeadStatus } from '@crm/domain';
import { LeadDocument } from '@crm/projections';
import { ReadModels } from '../../read-models';
import { readCollections } from '../read-model-collections';
import { View, viewOf } from '../view-json';
import {
  definedConditions,
  KeysetPage,
  keysetList,
  ListRequest,
  ordersOn,
  rangeOf,
} from './keyset-list';

export const LEAD_ORDERS = ordersOn<LeadDocument, 'capturedAt' | 'score'>('leadId', [
  'capturedAt',
  'score',
]);

export type LeadListFilter = ListRequest & {
  status?: LeadStatus;
  source?: string;
  campaignId?: string;
  ownerId?: string;
  scoreMin?: number;
  scoreMax?: number;
  capturedFrom?: string;
  capturedTo?: string;
  /** One of LEAD_ORDERS; the newest first when absent. */
  sort?: keyof typeof LEAD_ORDERS;
};

/** The tenant's leads matching every filter given, one page at a time. */
export const listLeads = async (
  readModels: ReadModels,
  tenantId: string,
  request: LeadListFilter = {},
): Promise<KeysetPage<View<LeadDocument>>> =>
  keysetList(
    await readCollections(readModels).leads(),
    {
      tenantId,
      filter: definedConditions({
        status: request.status,
        source: request.source,
        campaignId: request.campaignId,
        ownerId: request.ownerId,
        score: rangeOf(request.scoreMin, request.scoreMax),
        capturedAt: rangeOf(request.capturedFrom, request.capturedTo),
      }),
      order: LEAD_ORDERS[request.sort ?? '-capturedAt'],
      view: viewOf,
    },
    request,
  );
