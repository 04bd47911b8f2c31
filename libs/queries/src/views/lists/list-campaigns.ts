import { CampaignChannel, CampaignStatus } from '@crm/domain';
import { CampaignDocument } from '@crm/projections';
import { ReadModels } from '../../read-models';
import { readCollections } from '../read-model-collections';
import { View, viewOf } from '../view-json';
import { definedConditions, KeysetPage, keysetList, ListRequest, ordersOn } from './keyset-list';

export const CAMPAIGN_ORDERS = ordersOn<CampaignDocument, 'startsOn' | 'name'>('campaignId', [
  'startsOn',
  'name',
]);

export type CampaignListFilter = ListRequest & {
  status?: CampaignStatus;
  channel?: CampaignChannel;
  /** One of CAMPAIGN_ORDERS; the latest start first when absent. */
  sort?: keyof typeof CAMPAIGN_ORDERS;
};

/** The tenant's campaigns matching every filter given, one page at a time. */
export const listCampaigns = async (
  readModels: ReadModels,
  tenantId: string,
  request: CampaignListFilter = {},
): Promise<KeysetPage<View<CampaignDocument>>> =>
  keysetList(
    await readCollections(readModels).campaigns(),
    {
      tenantId,
      filter: definedConditions({ status: request.status, channel: request.channel }),
      order: CAMPAIGN_ORDERS[request.sort ?? '-startsOn'],
      view: viewOf,
    },
    request,
  );
