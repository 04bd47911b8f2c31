import { DealStatus } from '@crm/domain';
import { DealDocument } from '@crm/projections';
import { ReadModels } from '../../read-models';
import { readCollections } from '../read-model-collections';
import { dealSummary, DealSummary } from '../record-summaries';
import {
  definedConditions,
  KeysetPage,
  keysetList,
  ListRequest,
  ordersOn,
  rangeOf,
} from './keyset-list';

export const DEAL_ORDERS = ordersOn<DealDocument, 'openedAt' | 'expectedCloseDate' | 'title'>(
  'dealId',
  ['openedAt', 'expectedCloseDate', 'title'],
);

export type DealListFilter = ListRequest & {
  pipelineId?: string;
  stageId?: string;
  status?: DealStatus;
  ownerId?: string;
  accountId?: string;
  contactId?: string;
  expectedCloseFrom?: string;
  expectedCloseTo?: string;
  /** One of DEAL_ORDERS; the newest first when absent. */
  sort?: keyof typeof DEAL_ORDERS;
};

/** The tenant's deals matching every filter given, as summaries, one page at a time. */
export const listDeals = async (
  readModels: ReadModels,
  tenantId: string,
  request: DealListFilter = {},
): Promise<KeysetPage<DealSummary>> =>
  keysetList(
    await readCollections(readModels).deals(),
    {
      tenantId,
      filter: definedConditions({
        pipelineId: request.pipelineId,
        stageId: request.stageId,
        status: request.status,
        ownerId: request.ownerId,
        accountId: request.accountId,
        contactId: request.contactId,
        expectedCloseDate: rangeOf(request.expectedCloseFrom, request.expectedCloseTo),
      }),
      order: DEAL_ORDERS[request.sort ?? '-openedAt'],
      view: dealSummary,
    },
    request,
  );
